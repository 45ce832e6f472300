import * as cl100k from "gpt-tokenizer/encoding/cl100k_base";
import * as o200k from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { isSafeCut, partsForCounting, splitForCounting, workerParts } from "./token-split";
import { countCharacters, countWords } from "./tokens";

const ENCODERS = { o200k_base: o200k, cl100k_base: cl100k } as const;

/** A small seeded generator, so a failure names a corpus that can be rebuilt. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

// Words and symbols the pre-tokenizers treat differently: cased letters, title-case and modifier letters,
// contractions, combining marks, scripts without spaces, digits, punctuation runs, emoji and odd spaces.
const FRAGMENTS = [
  "hello",
  "World",
  "THE",
  "don't",
  "it's",
  "WE'LL",
  "they've",
  "naïve",
  "Straße",
  "façade",
  "ǅemal",
  "ʰa",
  "e\u0301te",
  "東京",
  "日本語のテキスト",
  "サポート",
  "中文分词",
  "한국어",
  "Привет",
  "мир",
  "مرحبا",
  "שלום",
  "ελληνικά",
  "ภาษาไทย",
  "हिन्दी",
  "123",
  "4567890",
  "3.14",
  "1,000",
  "$9.99",
  "2024-05-01",
  "!!!",
  "...",
  "?",
  "—",
  "(",
  ")",
  '"',
  "'",
  "'s",
  "/",
  "//",
  "<b>",
  "http://example.com/a?b=c",
  "user@example.com",
  "😀",
  "👍🏽",
  "🇩🇪",
  "𝐀𝐁𝐂",
  "x\u200dy",
  "\u00a0",
  "\u3000",
  "。",
  "、",
  "function f(x) { return x * 2; }",
  "__init__",
];
const SEPARATORS = [
  " ",
  " ",
  " ",
  " ",
  "",
  "  ",
  "   ",
  "\n",
  " \n",
  "\n\n",
  "\r\n",
  "\t",
  ", ",
  ". ",
  " \t ",
];

function corpus(seed: number, fragments = 400): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let text = "";
  for (let index = 0; index < fragments; index++) text += pick(FRAGMENTS) + pick(SEPARATORS);
  return text;
}

function safeCuts(text: string): number[] {
  const cuts: number[] = [];
  for (let index = 0; index < text.length; index++) if (isSafeCut(text, index)) cuts.push(index);
  return cuts;
}

const SEEDS = Array.from({ length: 40 }, (_, index) => 1000 + index);

describe("isSafeCut", () => {
  it("allows only a single space between two letters", () => {
    const text = "ab cd  ef, gh 12 ij 東京 大阪 x 😀 y e\u0301 z";
    const allowed = safeCuts(text).map(
      (index) => `${text.slice(index - 2, index)}|${text.slice(index, index + 2)}`,
    );
    expect(allowed).toEqual(["ab| c", "ij| 東", "東京| 大", "大阪| x", " y| e"]);
  });

  it.each(Object.keys(ENCODERS) as (keyof typeof ENCODERS)[])(
    "%s: encoding the two sides of any safe cut gives exactly the tokens of the whole text",
    (encoding) => {
      const { encode } = ENCODERS[encoding];
      let checked = 0;
      for (const seed of SEEDS) {
        const text = corpus(seed);
        const whole = encode(text);
        const cuts = safeCuts(text);
        const next = random(seed * 7);
        for (let sample = 0; sample < 25 && cuts.length > 0; sample++) {
          const cut = cuts[Math.floor(next() * cuts.length)] ?? 0;
          const sides = [...encode(text.slice(0, cut)), ...encode(text.slice(cut))];
          expect(sides, `seed ${seed}, cut at ${cut}`).toEqual(whole);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(500);
    },
  );

  it.each(Object.keys(ENCODERS) as (keyof typeof ENCODERS)[])(
    "%s: the check above can fail: cutting elsewhere often changes the count",
    (encoding) => {
      const { countTokens } = ENCODERS[encoding];
      const text = corpus(SEEDS[0] ?? 0);
      const whole = countTokens(text);
      let changed = 0;
      for (let cut = 1; cut < 600; cut++) {
        if (isSafeCut(text, cut)) continue;
        if (countTokens(text.slice(0, cut)) + countTokens(text.slice(cut)) !== whole) changed++;
      }
      expect(changed).toBeGreaterThan(100);
    },
  );

  it("keeps characters and words additive, so the parts' figures can be summed too", () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const text = corpus(seed);
      for (const cut of safeCuts(text).filter((_, index) => index % 7 === 0)) {
        const [left, right] = [text.slice(0, cut), text.slice(cut)];
        expect(countCharacters(left) + countCharacters(right)).toBe(countCharacters(text));
        expect(countWords(left) + countWords(right), `seed ${seed}, cut at ${cut}`).toBe(countWords(text));
      }
    }
  });
});

describe("splitForCounting", () => {
  it("cuts a spaced text into nearly equal parts whose counts add up to the whole", () => {
    for (const seed of SEEDS.slice(0, 12)) {
      const text = corpus(seed, 2000);
      for (const parts of [2, 3, 4]) {
        const pieces = splitForCounting(text, parts);
        expect(pieces.join("")).toBe(text);
        expect(pieces).toHaveLength(parts);
        for (const piece of pieces) expect(piece.length).toBeGreaterThan((text.length / parts) * 0.8);
        let offset = 0;
        for (const piece of pieces.slice(0, -1)) {
          offset += piece.length;
          expect(isSafeCut(text, offset)).toBe(true);
        }
        for (const { countTokens } of Object.values(ENCODERS)) {
          const summed = pieces.reduce((sum, piece) => sum + countTokens(piece), 0);
          expect(summed, `seed ${seed}, ${parts} parts`).toBe(countTokens(text));
        }
      }
    }
  });

  it("leaves a text whole when it has no safe cut, and cuts at the only one there is", () => {
    const japanese =
      "本番環境で使う言語モデルのAPIを選ぶには、遅延、料金、コンテキスト長を比べる必要があります。".repeat(
        50,
      );
    expect(splitForCounting(japanese, 2)).toEqual([japanese]);
    expect(splitForCounting("", 2)).toEqual([""]);
    const lonely = `${japanese}API key${japanese}`;
    expect(splitForCounting(lonely, 2)).toEqual([`${japanese}API`, ` key${japanese}`]);
  });
});

describe("partsForCounting", () => {
  it("gives parts whose token, character and word counts add up to the whole text's", () => {
    for (const seed of SEEDS) {
      const text = corpus(seed, 600);
      // Each part cut again into pieces, as for counting side by side, still adds up.
      for (const piecesEach of [1, 2, 3]) {
        const parts = partsForCounting(text).flatMap((part) => splitForCounting(part, piecesEach));
        expect(parts.reduce((length, part) => length + part.length, 0)).toBe(text.length);
        for (const [encoding, { countTokens }] of Object.entries(ENCODERS)) {
          const summed = parts.reduce((total, part) => total + countTokens(part), 0);
          expect(summed, `${encoding}, seed ${seed}, ${piecesEach} pieces each`).toBe(countTokens(text));
        }
        expect(parts.reduce((total, part) => total + countCharacters(part), 0)).toBe(countCharacters(text));
        expect(
          parts.reduce((total, part) => total + countWords(part), 0),
          `seed ${seed}`,
        ).toBe(countWords(text));
      }
    }
  });

  it("gathers the Latin-1 words apart from the rest, in their order", () => {
    const text = "Straße und Café 東京 und mehr Text 😀 ende und schluss";
    expect(partsForCounting(text)).toEqual([" 東京 Text 😀 ende", "Straße und Café und mehr und schluss"]);
    expect(partsForCounting("plain words only")).toEqual(["plain words only"]);
    expect(partsForCounting("日本語だけ")).toEqual(["日本語だけ"]);
  });

  it("puts exactly the segments between safe cuts that hold a character beyond Latin-1 in the wide part", () => {
    // The reference: cut at every safe cut, then sort each segment by whether it holds a wide character.
    const reference = (text: string) => {
      const bounds = [0, ...safeCuts(text), text.length];
      const segments = bounds.slice(1).map((end, index) => text.slice(bounds[index], end));
      const isWide = (segment: string) => /[\u0100-\uffff]/.test(segment);
      return [
        segments.filter(isWide).join(""),
        segments.filter((segment) => !isWide(segment)).join(""),
      ].filter((part) => part.length > 0);
    };
    for (const seed of SEEDS) {
      const text = corpus(seed, 600);
      expect(partsForCounting(text), `seed ${seed}`).toEqual(reference(text));
    }
    for (const text of [
      "東京 a",
      "a 東京",
      "東京 東京 x y",
      "x 😀 y z",
      "naïve — café",
      " ",
      "a b 日本 c d 語 e",
    ])
      expect(partsForCounting(text), text).toEqual(reference(text));
  });
});

describe("workerParts", () => {
  it("gives workers parts that together count exactly as the whole text, in tokens, characters and words", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const text = corpus(seed, 1500);
      for (const workers of [1, 2, 3]) {
        const parts = Array.from({ length: workers }, (_, index) => workerParts(text, index, workers)).flat();
        expect(parts.reduce((length, part) => length + part.length, 0)).toBe(text.length);
        for (const [encoding, { countTokens }] of Object.entries(ENCODERS)) {
          const summed = parts.reduce((total, part) => total + countTokens(part), 0);
          expect(summed, `${encoding}, seed ${seed}, ${workers} workers`).toBe(countTokens(text));
        }
        expect(parts.reduce((total, part) => total + countCharacters(part), 0)).toBe(countCharacters(text));
        expect(parts.reduce((total, part) => total + countWords(part), 0)).toBe(countWords(text));
      }
    }
  });

  it("shares a spaced text out about evenly, and gives a text with no safe cut to the first worker", () => {
    const text = corpus(SEEDS[0] ?? 0, 2000);
    const [first, second] = [0, 1].map((index) =>
      workerParts(text, index, 2).reduce((length, part) => length + part.length, 0),
    );
    expect(Math.abs((first ?? 0) - (second ?? 0))).toBeLessThan(text.length * 0.2);
    const japanese = "日本語のテキストだけ。".repeat(100);
    expect(workerParts(japanese, 0, 2)).toEqual([japanese]);
    expect(workerParts(japanese, 1, 2)).toEqual([]);
  });
});

describe("countCharacters", () => {
  it("counts code points as Array.from does, lone surrogates included", () => {
    const next = random(7);
    const units = ["a", "é", "東", "\ud83d\ude00", "\ud83d", "\ude00", " ", "\n"];
    for (let run = 0; run < 200; run++) {
      let text = "";
      for (let index = 0; index < 40; index++) text += units[Math.floor(next() * units.length)];
      expect(countCharacters(text)).toBe(Array.from(text).length);
    }
  });
});
