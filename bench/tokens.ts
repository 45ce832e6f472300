/**
 * bench/tokens: real tokenizer speed on a large paste, the same gpt-tokenizer code the calculator's
 * web worker runs. Prints load time per encoding and ms per 100k tokens after the encoder is loaded.
 * Run: npm run bench:tokens
 */
import { percentile } from "./lib";

const ENGLISH =
  "Choosing an LLM API for production means weighing latency, price per million tokens, context window, tool calling and reliability. ";
const GERMAN =
  "Die Wahl einer Sprachmodell-Schnittstelle hängt von Latenz, Preis pro Million Token und Kontextfenster ab. ";
const JAPANESE =
  "本番環境で使う言語モデルのAPIを選ぶには、遅延、料金、コンテキスト長を比べる必要があります。";

function corpus(targetChars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < targetChars; index++) {
    // Numbers vary the text so the tokenizer's merge cache cannot make the run trivially fast.
    const piece = `${[ENGLISH, GERMAN, JAPANESE][index % 3]}${index} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("");
}

const text = corpus(400_000);
for (const encoding of ["o200k_base", "cl100k_base"] as const) {
  const loadStarted = performance.now();
  const module =
    encoding === "o200k_base"
      ? await import("gpt-tokenizer/encoding/o200k_base")
      : await import("gpt-tokenizer/encoding/cl100k_base");
  const loadMs = performance.now() - loadStarted;
  const tokens = module.countTokens(text);
  const samples: number[] = [];
  for (let run = 0; run < 10; run++) {
    const started = performance.now();
    module.countTokens(text);
    samples.push(performance.now() - started);
  }
  const sorted = samples.sort((a, b) => a - b);
  const perHundredK = (percentile(sorted, 50) / tokens) * 100_000;
  console.log(
    `${encoding.padEnd(12)} load ${loadMs.toFixed(0)} ms · ${tokens.toLocaleString("en-US")} tokens in ${percentile(sorted, 50).toFixed(1)} ms (p50) · ${perHundredK.toFixed(1)} ms per 100k tokens (target ≤ 30 ms: ${perHundredK <= 30 ? "met" : "MISSED"})`,
  );
}
