import * as cl100k from "gpt-tokenizer/encoding/cl100k_base";
import * as o200k from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { bytePairMergeLinear } from "./token-bpe";
import { countTokens } from "./tokens";

interface MergeCore {
  bytePairMerge(piece: Uint8Array): number[];
  getBpeRankFromBytes(bytes: Uint8Array): number | undefined;
}

// gpt-tokenizer's own merge, from its class rather than the encoding, which lib/tokens may have patched.
function referenceFor(encoding: object) {
  const core = (encoding as { bytePairEncodingCoreProcessor: MergeCore }).bytePairEncodingCoreProcessor;
  const ownMerge = Object.getPrototypeOf(core).bytePairMerge as MergeCore["bytePairMerge"];
  return {
    merge: (piece: Uint8Array) => ownMerge.call(core, piece),
    rankOf: (bytes: Uint8Array) => core.getBpeRankFromBytes(bytes),
  };
}

/** A seeded generator, so a failing piece can be found again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Small alphabets give long runs of mergeable pairs; the wide characters give multi-byte tokens and ties.
const ALPHABETS = ["ab", "xyz", "aeiou st", "0123456789", "日本語の", "é👍 a-", "abcdefghijklmnopqrstuvwxyz"];

describe("bytePairMergeLinear", () => {
  for (const [name, encoding] of [
    ["o200k_base", o200k.default],
    ["cl100k_base", cl100k.default],
  ] as const) {
    it(`gives the same tokens as gpt-tokenizer's merge on random pieces (${name})`, () => {
      const { merge, rankOf } = referenceFor(encoding);
      const next = random(name.length);
      const encoder = new TextEncoder();
      for (let round = 0; round < 700; round++) {
        const alphabet = [...(ALPHABETS[round % ALPHABETS.length] as string)];
        const length = 1 + Math.floor(next() * 400);
        let text = "";
        for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
        const piece = encoder.encode(text);
        expect(bytePairMergeLinear(piece, rankOf), text).toEqual(merge(piece));
      }
    });
  }

  it("merges a long run the same way as a short one, so the count scales exactly", () => {
    const { merge, rankOf } = referenceFor(o200k.default);
    // The reference merge is quadratic, so it checks a short run; ours must give the same count per
    // character on a run 125 times longer.
    const short = merge(new TextEncoder().encode("x".repeat(16_000)));
    expect(bytePairMergeLinear(new TextEncoder().encode("x".repeat(16_000)), rankOf)).toEqual(short);
    expect(bytePairMergeLinear(new TextEncoder().encode("x".repeat(2_000_000)), rankOf)).toHaveLength(
      short.length * 125,
    );
  });
});

describe("countTokens on a long unbroken run", () => {
  it("counts 2,000,000 characters with no spaces in both encodings", async () => {
    const run = "x".repeat(2_000_000);
    expect(await countTokens(run, "o200k_base")).toBe(250_000);
    expect(await countTokens(run, "cl100k_base")).toBe(250_000);
    // A piece just above and below the length where the linear merge takes over counts the same.
    for (const length of [100, 127, 128, 129, 200, 1_000]) {
      const text = "ab".repeat(length);
      expect(await countTokens(text, "o200k_base")).toBe(o200k.encode(text).length);
    }
  });
});
