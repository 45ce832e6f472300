import { describe, expect, it } from "vitest";
import {
  addUsd,
  compareUsd,
  costForTokens,
  divideRoundHalfUp,
  divideUsd,
  equalsUsd,
  fromPicoUsd,
  multiplyUsd,
  normalizeDecimalString,
  numberToDecimalString,
  parseUsd,
  parseUsdRounded,
  subtractUsd,
  toNumber,
  toUsdString,
  ZERO_USD,
} from "./money";

describe("parseUsd", () => {
  it("parses decimal strings exactly at pico-dollar scale", () => {
    expect(parseUsd("1.25").picoUsd).toBe(1_250_000_000_000n);
    expect(parseUsd("0.000000000001").picoUsd).toBe(1n);
    expect(parseUsd(".5").picoUsd).toBe(500_000_000_000n);
    expect(parseUsd("-2").picoUsd).toBe(-2_000_000_000_000n);
    expect(parseUsd("3.100000000000000").picoUsd).toBe(3_100_000_000_000n);
  });

  it("parses numbers through their shortest decimal string, not float scaling", () => {
    // 0.1 * 1e12 in floats is 100000000000.00002; the decimal route is exact.
    expect(parseUsd(0.1).picoUsd).toBe(100_000_000_000n);
    expect(parseUsd(0.003625).picoUsd).toBe(3_625_000_000n);
    expect(parseUsd(1e-7).picoUsd).toBe(100_000n);
    expect(parseUsd(1.375).picoUsd).toBe(1_375_000_000_000n);
  });

  it("rejects garbage and more than 12 decimals", () => {
    expect(() => parseUsd("abc")).toThrow(RangeError);
    expect(() => parseUsd("")).toThrow(RangeError);
    expect(() => parseUsd("1e5")).toThrow(RangeError);
    expect(() => parseUsd("0.0000000000001")).toThrow(/12 decimals/);
    expect(() => parseUsd(Number.NaN)).toThrow(RangeError);
  });
});

describe("numberToDecimalString", () => {
  it("expands exponent notation", () => {
    expect(numberToDecimalString(1e-7)).toBe("0.0000001");
    expect(numberToDecimalString(1.5e-8)).toBe("0.000000015");
    expect(numberToDecimalString(1e21)).toBe("1000000000000000000000");
    expect(numberToDecimalString(-2.5e-7)).toBe("-0.00000025");
    expect(numberToDecimalString(0.27)).toBe("0.27");
  });
});

describe("arithmetic", () => {
  it("adds without float drift", () => {
    const total = addUsd(parseUsd(0.1), parseUsd(0.2));
    expect(toUsdString(total)).toBe("0.3");
    expect(equalsUsd(total, parseUsd("0.3"))).toBe(true);
  });

  it("subtracts, multiplies and compares", () => {
    expect(toUsdString(subtractUsd(parseUsd("1"), parseUsd("1.5")))).toBe("-0.5");
    expect(toUsdString(multiplyUsd(parseUsd("0.15"), 7))).toBe("1.05");
    expect(compareUsd(parseUsd("0.1"), parseUsd("0.09"))).toBe(1);
    expect(compareUsd(parseUsd("0.1"), parseUsd("0.10"))).toBe(0);
    expect(compareUsd(ZERO_USD, parseUsd("0.01"))).toBe(-1);
    expect(() => multiplyUsd(parseUsd("1"), 1.5)).toThrow(RangeError);
  });

  it("rounds division half away from zero", () => {
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfUp(4n, 3n)).toBe(1n);
    expect(divideUsd(fromPicoUsd(10n), 4).picoUsd).toBe(3n);
    expect(() => divideUsd(fromPicoUsd(1n), 0)).toThrow(RangeError);
  });
});

describe("costForTokens", () => {
  it("is exact for 6-decimal prices per MTok", () => {
    // 1 token at $0.000001/MTok is 1e-12 USD: the smallest exact case.
    expect(costForTokens(parseUsd("0.000001"), 1).picoUsd).toBe(1n);
    // 123,457 tokens at $0.003625/MTok = 0.000447531625 USD.
    expect(toUsdString(costForTokens(parseUsd("0.003625"), 123_457))).toBe("0.000447531625");
    // 1M tokens at $3 is $3.
    expect(toUsdString(costForTokens(parseUsd("3"), 1_000_000))).toBe("3");
  });

  it("rounds finer prices half up at the pico-dollar", () => {
    // 1 token at $0.0000005/MTok = 0.5e-12 → rounds up to 1e-12; 0.4e-12 rounds down.
    expect(costForTokens(parseUsd("0.0000005"), 1).picoUsd).toBe(1n);
    expect(costForTokens(parseUsd("0.0000004"), 1).picoUsd).toBe(0n);
  });

  it("refuses fractional or negative token counts", () => {
    expect(() => costForTokens(parseUsd("1"), 1.5)).toThrow(RangeError);
    expect(() => costForTokens(parseUsd("1"), -1)).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("trims trailing zeros by default and pads with fixed decimals", () => {
    expect(toUsdString(parseUsd("2.50"))).toBe("2.5");
    expect(toUsdString(parseUsd("2"))).toBe("2");
    expect(toUsdString(parseUsd("0.035"), 2)).toBe("0.04");
    expect(toUsdString(parseUsd("-0.035"), 2)).toBe("-0.04");
    expect(toUsdString(parseUsd("0.004"), 2)).toBe("0.00");
    expect(toUsdString(parseUsd("-0.004"), 2)).toBe("0.00");
    expect(toUsdString(parseUsd("12"), 2)).toBe("12.00");
    expect(toUsdString(parseUsd("0.5"), 0)).toBe("1");
    expect(() => toUsdString(ZERO_USD, 13)).toThrow(RangeError);
  });

  it("normalizes decimal strings and converts to numbers for charts", () => {
    expect(normalizeDecimalString("003.1000")).toBe("3.1");
    expect(normalizeDecimalString(0.00000125)).toBe("0.00000125");
    // Source floats beyond 12 decimals are noise or repeating fractions: rounded half up.
    expect(normalizeDecimalString(0.18000000000000002)).toBe("0.18");
    expect(normalizeDecimalString(1 / 12)).toBe("0.083333333333");
    expect(parseUsdRounded("-0.0000000000005").picoUsd).toBe(-1n);
    expect(toNumber(parseUsd("0.000447531625"))).toBeCloseTo(0.000447531625, 15);
  });
});
