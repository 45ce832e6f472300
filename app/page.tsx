import Link from "next/link";
import { APP_NAME } from "@/lib/version";

const TOOLS = [
  {
    href: "/catalog",
    title: "Catalog",
    testId: "tool-catalog",
    text: "Every model across providers: input, output and cached prices, long-context tiers, context window, modalities, tools and public benchmark scores. Each price and score carries its source and date, with full price history.",
    cta: "Compare models",
  },
  {
    href: "/playground",
    title: "Playground",
    testId: "tool-playground",
    text: "Send one prompt to up to six models at once and watch them stream side by side, with time to first token, tokens per second, token counts and cost under every answer.",
    cta: "Run a prompt",
  },
  {
    href: "/evals",
    title: "Evals",
    testId: "tool-evals",
    text: "Run your own prompt set on up to six models under a cost cap, grade the answers with assertions and an LLM judge, vote blind on pairs, and see pass rate against cost. A demo set runs on simulated models with no keys.",
    cta: "Evaluate on your prompts",
  },
  {
    href: "/calculator",
    title: "Team cost calculator",
    testId: "tool-calculator",
    text: "Describe your workloads and team volume, count tokens with real tokenizers, split traffic across a routing mix that meets the quality bar an eval measured, and see the monthly bill per model, to the cent.",
    cta: "Estimate a bill",
  },
] as const;

export default function HomePage() {
  return (
    <div className="mx-auto max-w-5xl py-4 sm:py-10">
      <p className="text-sm font-medium text-accent-600 dark:text-accent-300">{APP_NAME}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight sm:text-4xl" data-testid="page-title">
        Choose LLM APIs with real numbers, not hype.
      </h1>
      <p className="mt-4 max-w-3xl text-base text-zinc-600 dark:text-zinc-400">
        Compare prices, capabilities and benchmark scores across providers, race models on a prompt, find out
        which are good enough on your own prompts, and know what your team will pay each month. Runs on your
        machine with an embedded database; add provider keys when you want live answers.
      </p>
      <div className="mt-8 grid gap-4 md:grid-cols-2">
        {TOOLS.map((tool) => (
          <Link
            key={tool.href}
            href={tool.href}
            data-testid={tool.testId}
            className="group flex flex-col rounded-lg border border-zinc-200 p-5 transition hover:border-accent-500 hover:shadow-md dark:border-zinc-800 dark:hover:border-accent-500"
          >
            <h2 className="text-lg font-semibold">{tool.title}</h2>
            <p className="mt-2 flex-1 text-sm text-zinc-600 dark:text-zinc-400">{tool.text}</p>
            <span className="mt-4 text-sm font-medium text-accent-600 dark:text-accent-300 group-hover:underline">
              {tool.cta} →
            </span>
          </Link>
        ))}
      </div>
      <p className="mt-8 text-sm text-muted">
        Saved playground sessions and usage live in{" "}
        <Link className="text-accent-600 dark:text-accent-300 underline underline-offset-2" href="/history">
          History
        </Link>
        ; provider set-up is in{" "}
        <Link className="text-accent-600 dark:text-accent-300 underline underline-offset-2" href="/settings">
          Settings
        </Link>
        .
      </p>
    </div>
  );
}
