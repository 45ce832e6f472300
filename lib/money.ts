/**
 * Exact USD amounts. A Money holds an integer count of pico-dollars (1e-12 USD) in a BigInt, so sums
 * never drift the way JS floats do. Prices per million tokens with up to 6 decimals times an integer
 * token count land exactly on the pico-dollar grid; anything finer is rounded half away from zero.
 */

export interface Money {
  readonly picoUsd: bigint;
}

export const PICO_DECIMALS = 12;
const PICO_PER_USD = 10n ** BigInt(PICO_DECIMALS);
const TOKENS_PER_MILLION = 1_000_000n;

const DECIMAL_PATTERN = /^([+-])?(\d+)?(?:\.(\d*))?$/;

export function fromPicoUsd(picoUsd: bigint): Money {
  return Object.freeze({ picoUsd });
}

export const ZERO_USD: Money = fromPicoUsd(0n);

/**
 * A number's shortest round-trip decimal string, without exponent notation. Numbers are never
 * scaled by multiplication: 0.1 becomes "0.1", not 0.1000000000000000055….
 */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-)?(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", intPart = "", fracPart = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  const digits = intPart + fracPart;
  const pointIndex = intPart.length + exponent;
  if (pointIndex <= 0) return `${sign}0.${"0".repeat(-pointIndex)}${digits}`;
  if (pointIndex >= digits.length) return `${sign}${digits}${"0".repeat(pointIndex - digits.length)}`;
  return `${sign}${digits.slice(0, pointIndex)}.${digits.slice(pointIndex)}`;
}

function parseDecimal(value: string | number, rounding: "exact" | "half-up"): Money {
  const text = typeof value === "number" ? numberToDecimalString(value) : value.trim();
  const match = DECIMAL_PATTERN.exec(text);
  if (!match || (match[2] === undefined && !match[3])) {
    throw new RangeError(`Not a decimal USD amount: ${JSON.stringify(value)}`);
  }
  const [, sign, intPart = "0", fracPart = ""] = match;
  const significantFrac = fracPart.replace(/0+$/, "");
  if (significantFrac.length > PICO_DECIMALS && rounding === "exact") {
    throw new RangeError(`More than ${PICO_DECIMALS} decimals: ${JSON.stringify(value)}`);
  }
  const kept = significantFrac.slice(0, PICO_DECIMALS).padEnd(PICO_DECIMALS, "0");
  const roundsUp = (significantFrac[PICO_DECIMALS] ?? "0") >= "5";
  const pico = BigInt(intPart) * PICO_PER_USD + BigInt(kept) + (roundsUp ? 1n : 0n);
  return fromPicoUsd(sign === "-" ? -pico : pico);
}

/** Parses "1.25", "-0.5", ".5", 3 or 0.003625 into pico-dollars; more than 12 decimals is an error. */
export function parseUsd(value: string | number): Money {
  return parseDecimal(value, "exact");
}

/**
 * Like parseUsd, but rounds half away from zero beyond 12 decimals. For source data whose floats
 * carry noise (0.18000000000000002) or repeating fractions (1/12 = 0.08333333333333334).
 */
export function parseUsdRounded(value: string | number): Money {
  return parseDecimal(value, "half-up");
}

/**
 * Canonical decimal string of a price ("2.50" → "2.5", ".5" → "0.5"), as stored in the snapshot,
 * rounded to 12 decimals like parseUsdRounded.
 */
export function normalizeDecimalString(value: string | number): string {
  return toUsdString(parseUsdRounded(value));
}

export function addUsd(...amounts: Money[]): Money {
  let total = 0n;
  for (const amount of amounts) total += amount.picoUsd;
  return fromPicoUsd(total);
}

export function subtractUsd(minuend: Money, subtrahend: Money): Money {
  return fromPicoUsd(minuend.picoUsd - subtrahend.picoUsd);
}

function toIntegerBigInt(value: number | bigint, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

export function multiplyUsd(amount: Money, factor: number | bigint): Money {
  return fromPicoUsd(amount.picoUsd * toIntegerBigInt(factor, "factor"));
}

/** Integer division rounding half away from zero, the rule used everywhere money is divided. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const absNumerator = numerator < 0n ? -numerator : numerator;
  const absDenominator = denominator < 0n ? -denominator : denominator;
  const quotient = (absNumerator * 2n + absDenominator) / (absDenominator * 2n);
  return negative ? -quotient : quotient;
}

export function divideUsd(amount: Money, divisor: number | bigint): Money {
  return fromPicoUsd(divideRoundHalfUp(amount.picoUsd, toIntegerBigInt(divisor, "divisor")));
}

/** tokens × pricePerMTok / 1e6, exact for prices with ≤ 6 decimals, else rounded half up to 1e-12. */
export function costForTokens(pricePerMTok: Money, tokens: number | bigint): Money {
  const tokenCount = toIntegerBigInt(tokens, "tokens");
  if (tokenCount < 0n) throw new RangeError(`tokens must be ≥ 0, got ${tokens}`);
  return fromPicoUsd(divideRoundHalfUp(pricePerMTok.picoUsd * tokenCount, TOKENS_PER_MILLION));
}

export function compareUsd(left: Money, right: Money): -1 | 0 | 1 {
  if (left.picoUsd === right.picoUsd) return 0;
  return left.picoUsd < right.picoUsd ? -1 : 1;
}

export function equalsUsd(left: Money, right: Money): boolean {
  return left.picoUsd === right.picoUsd;
}

export function isZeroUsd(amount: Money): boolean {
  return amount.picoUsd === 0n;
}

/**
 * Decimal string of an amount. Without `decimals` the exact value with trailing zeros trimmed
 * ("0.000375", "12"); with `decimals` rounded half away from zero and zero-padded ("0.04").
 */
export function toUsdString(amount: Money, decimals?: number): string {
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > PICO_DECIMALS)) {
    throw new RangeError(`decimals must be an integer in 0..${PICO_DECIMALS}, got ${decimals}`);
  }
  const places = decimals ?? PICO_DECIMALS;
  const scaled = divideRoundHalfUp(amount.picoUsd, 10n ** BigInt(PICO_DECIMALS - places));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
  const intPart = digits.slice(0, digits.length - places);
  let fracPart = digits.slice(digits.length - places);
  if (decimals === undefined) fracPart = fracPart.replace(/0+$/, "");
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative ? `-${body}` : body;
}

/** Lossy: for charts and sorting only, never for sums shown as money. */
export function toNumber(amount: Money): number {
  return Number(toUsdString(amount));
}
