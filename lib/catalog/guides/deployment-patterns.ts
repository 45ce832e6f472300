import { ref } from "./models";
import { cite } from "./sources";
import type { DeploymentPattern } from "./types";

const claude35Sonnet = ref("claude-3-5-sonnet", "Claude 3.5 Sonnet");
const gpt4o = ref("gpt-4o", "GPT-4o");

export const deploymentPatterns: readonly DeploymentPattern[] = [
  {
    id: "s002-router-pattern",
    name: "Router",
    kind: "router",
    routes: [
      // The seed names no classifier model, so none is invented here.
      { criterion: "Classifier: a small model classifies each query", models: [] },
      {
        criterion: "Simple queries",
        models: [ref("gpt-4o-mini", "GPT-4o mini"), ref("claude-3-haiku", "Haiku")],
      },
      { criterion: "Complex queries", models: [claude35Sonnet] },
    ],
    savingsPercentMin: 60,
    savingsPercentMax: 80,
    benefit: "60-80% savings vs always using the best model",
    ...cite(
      "seed-002",
      'router_pattern:\nclassifier: "Small model classifies query"\nsimple_queries: "GPT-4o mini / Haiku"\ncomplex_queries: "Claude 3.5 Sonnet"\nsavings: "60-80% vs always using best model"',
    ),
  },
  {
    id: "s002-fallback-pattern",
    name: "Fallback",
    kind: "fallback",
    routes: [
      { criterion: "Primary", models: [claude35Sonnet] },
      { criterion: "Fallback 1: if Claude unavailable", models: [gpt4o] },
      { criterion: "Fallback 2: last resort", models: [ref("llama-3.1", "Self-hosted Llama")] },
    ],
    savingsPercentMin: null,
    savingsPercentMax: null,
    benefit: "High availability",
    ...cite(
      "seed-002",
      'fallback_pattern:\nprimary: "Claude 3.5 Sonnet"\nfallback_1: "GPT-4o (if Claude unavailable)"\nfallback_2: "Self-hosted Llama (last resort)"\nbenefit: "High availability"',
    ),
  },
  {
    id: "s002-specialist-pattern",
    name: "Specialist",
    kind: "specialist",
    routes: [
      { criterion: "Coding", models: [claude35Sonnet] },
      { criterion: "Images", models: [gpt4o] },
      { criterion: "Long documents", models: [ref("gemini-1.5-pro", "Gemini 1.5 Pro")] },
    ],
    savingsPercentMin: null,
    savingsPercentMax: null,
    benefit: "Best tool for each job",
    ...cite(
      "seed-002",
      'specialist_pattern:\ncoding: "Claude 3.5 Sonnet"\nimages: "GPT-4o"\nlong_docs: "Gemini 1.5 Pro"\nbenefit: "Best tool for each job"',
    ),
  },
  {
    id: "s002-support-escalation",
    name: "Customer-support escalation",
    kind: "router",
    routes: [
      {
        criterion: "Support traffic",
        models: [ref("gpt-4o-mini", "GPT-4o mini"), ref("claude-3-haiku", "Claude Haiku")],
      },
      { criterion: "Complex support cases (escalation)", models: [claude35Sonnet] },
    ],
    savingsPercentMin: null,
    savingsPercentMax: null,
    benefit: "Fast, cheap, route complex to better model",
    ...cite(
      "seed-002",
      'primary: "GPT-4o mini or Claude Haiku"\nescalation: "Claude 3.5 Sonnet"\nreasoning: "Fast, cheap, route complex to better model"',
    ),
  },
  {
    id: "s000-frontier-small-tiering",
    name: "Frontier vs small-model tiering",
    kind: "tiering",
    routes: [
      {
        criterion: "Complex reasoning, long-context tasks, and cases where errors are expensive",
        models: [
          ref("claude-3-7-sonnet", "Claude Sonnet"),
          ref("gpt-4o", "GPT-4o"),
          ref("gemini-1.5-pro", "Gemini 1.5 Pro"),
        ],
      },
      {
        criterion: "Classification, extraction, simple generation, and high-volume workloads",
        models: [
          ref("claude-3-7-haiku", "Haiku"),
          ref("gpt-4o-mini", "mini"),
          ref("gemini-2.0-flash", "Flash"),
          ref("llama-3.3-70b", "Llama 70B"),
        ],
      },
    ],
    savingsPercentMin: null,
    savingsPercentMax: null,
    benefit:
      "A fraction of the spend of a single-model architecture; the best teams use 2-3 APIs with routing logic.",
    ...cite(
      "seed-000",
      "A practical framework: use frontier models (Claude Sonnet, GPT-4o, Gemini 1.5 Pro) for complex reasoning, long-context tasks, and cases where errors are expensive. Use smaller models (Haiku, mini, Flash, Llama 70B) for classification, extraction, simple generation, and high-volume workloads.",
    ),
  },
];
