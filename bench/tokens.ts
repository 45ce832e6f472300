/**
 * bench/tokens: real tokenizer speed on a large paste, the same gpt-tokenizer code the calculator's
 * web worker runs. Prints load time per encoding and ms per 100k tokens after the encoder is loaded.
 * Run: npm run bench:tokens
 */
import { mixedCorpus } from "../tests/support/corpus";
import { percentile } from "./lib";

const text = mixedCorpus(400_000);
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
