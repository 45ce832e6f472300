import { z } from "zod";

/**
 * The one place that reads process.env. Every variable is validated here so a bad value
 * fails at start with a message that names it, instead of surfacing later as a runtime fault.
 */
const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.url({ message: "must be a full URL such as https://host:port/path" }).optional());

const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const PROVIDER_ENV = {
  openai: { keyVar: "OPENAI_API_KEY", baseUrlVar: "OPENAI_BASE_URL" },
  anthropic: { keyVar: "ANTHROPIC_API_KEY", baseUrlVar: "ANTHROPIC_BASE_URL" },
  google: { keyVar: "GOOGLE_GENERATIVE_AI_API_KEY", baseUrlVar: "GOOGLE_GENERATIVE_AI_BASE_URL" },
  mistral: { keyVar: "MISTRAL_API_KEY", baseUrlVar: "MISTRAL_BASE_URL" },
  groq: { keyVar: "GROQ_API_KEY", baseUrlVar: "GROQ_BASE_URL" },
  deepseek: { keyVar: "DEEPSEEK_API_KEY", baseUrlVar: "DEEPSEEK_BASE_URL" },
  together: { keyVar: "TOGETHER_AI_API_KEY", baseUrlVar: "TOGETHER_AI_BASE_URL" },
  fireworks: { keyVar: "FIREWORKS_API_KEY", baseUrlVar: "FIREWORKS_BASE_URL" },
  xai: { keyVar: "XAI_API_KEY", baseUrlVar: "XAI_BASE_URL" },
  openrouter: { keyVar: "OPENROUTER_API_KEY", baseUrlVar: "OPENROUTER_BASE_URL" },
} as const;

export type ProviderEnvId = keyof typeof PROVIDER_ENV;

export interface CompatibleEndpoint {
  name: string;
  baseUrl: string;
  keyVariable: string | null;
}

const providerShape = Object.fromEntries(
  Object.values(PROVIDER_ENV).flatMap(({ keyVar, baseUrlVar }) => [
    [keyVar, optionalSecret],
    [baseUrlVar, optionalUrl.optional()],
  ]),
);

/** A comma-separated list, trimmed and lower-cased (emails, domains). */
const lowerCaseList = z
  .string()
  .default("")
  .transform((raw) =>
    raw
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  );

const envObject = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .transform((value) => (value === "" ? undefined : value))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    )
    .optional(),
  PGLITE_DIR: z.string().trim().min(1).default("./.data/pglite"),
  /** Comma-separated list of the form name|baseUrl|KEY_VARIABLE for any OpenAI-compatible server. */
  OPENAI_COMPATIBLE_ENDPOINTS: z
    .string()
    .trim()
    .default("")
    .transform((raw, context) => {
      const endpoints: CompatibleEndpoint[] = [];
      for (const entry of raw
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)) {
        const [name = "", baseUrl = "", keyVariable = ""] = entry.split("|").map((part) => part.trim());
        if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
          context.addIssue({
            code: "custom",
            message: `"${name}" must be lower-case letters, digits and dashes (name|baseUrl|KEY_VARIABLE)`,
          });
        } else if (!URL.canParse(baseUrl)) {
          context.addIssue({
            code: "custom",
            message: `"${baseUrl}" is not a URL (name|baseUrl|KEY_VARIABLE)`,
          });
        } else {
          endpoints.push({ name, baseUrl, keyVariable: keyVariable || null });
        }
      }
      return endpoints;
    }),
  OLLAMA_BASE_URL: optionalUrl.optional(),
  CATALOG_MODELS_DEV_URL: z.url().default("https://models.dev/api.json"),
  CATALOG_GENAI_PRICES_URL: z
    .url()
    .default("https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json"),
  /** Quality leaderboards read by catalog:sync: each an http(s) URL, a file: URL or a local path. */
  CATALOG_LMARENA_TEXT_URL: z
    .string()
    .min(1)
    .default("https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json"),
  CATALOG_LMARENA_STYLE_CONTROL_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text-style-control.json",
    ),
  CATALOG_AIDER_POLYGLOT_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/Aider-AI/aider/main/aider/website/_data/polyglot_leaderboard.yml",
    ),
  CATALOG_SWE_BENCH_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/main/data/info_for_leaderboard.json",
    ),
  CATALOG_LIVEBENCH_TABLE_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/table_2026_01_08.csv",
    ),
  CATALOG_LIVEBENCH_CATEGORIES_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/categories_2026_01_08.json",
    ),
  CATALOG_LIVEBENCH_2025_05_30_TABLE_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/table_2025_05_30.csv",
    ),
  CATALOG_LIVEBENCH_2025_05_30_CATEGORIES_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/categories_2025_05_30.json",
    ),
  CATALOG_LIVEBENCH_2024_07_26_TABLE_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/table_2024_07_26.csv",
    ),
  CATALOG_LIVEBENCH_2024_07_26_CATEGORIES_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/LiveBench/livebench.github.io/main/public/categories_2024_07_26.json",
    ),
  CATALOG_NYT_CONNECTIONS_URL: z
    .string()
    .min(1)
    .default("https://raw.githubusercontent.com/lechmazur/nyt-connections/main/README.md"),
  CATALOG_VECTARA_URL: z
    .string()
    .min(1)
    .default("https://raw.githubusercontent.com/vectara/hallucination-leaderboard/main/README.md"),
  CATALOG_VECTARA_OLD_DATASET_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/vectara/hallucination-leaderboard/hhem-2.3-old-dataset/README.md",
    ),
  CATALOG_BULLSHIT_BENCH_URL: z
    .string()
    .min(1)
    .default(
      "https://raw.githubusercontent.com/petergpt/bullshit-benchmark/main/data/v2/latest/leaderboard.csv",
    ),
  MAX_CONCURRENT_RUNS_PER_CLIENT: z.coerce.number().int().min(1).max(100).default(4),
  /**
   * How many reverse proxies in front of the app append the caller's address to X-Forwarded-For.
   * 0 believes no forwarded header: any client can write one, and Next.js keeps it as sent.
   */
  TRUST_PROXY: z.coerce
    .number({ message: "must be the number of proxies in front of the app, 0 for none" })
    .int("must be a whole number of proxies")
    .min(0, "must be 0 or more")
    .max(10, "must be at most 10")
    .default(0),
  /**
   * The public address users open (e.g. https://models.example.com) when a proxy in front of the app
   * rewrites the Host; state-changing requests from this origin are accepted as same-origin.
   */
  APP_ORIGIN: optionalUrl.optional(),
  /** Playground provider streams run on their own thread ("on") or on the HTTP thread ("off"). */
  PLAYGROUND_STREAM_THREAD: z.enum(["on", "off"]).default("on"),
  /** Whether this instance works through queued eval runs ("on") or only serves requests ("off"). */
  EVAL_WORKER: z.enum(["on", "off"]).default("on"),
  /** Eval calls this instance makes at once to any one provider. */
  EVAL_CONCURRENCY_PER_PROVIDER: z.coerce
    .number({ message: "must be a number of calls" })
    .int("must be a whole number of calls")
    .min(1, "must be at least 1")
    .max(64, "must be at most 64")
    .default(4),
  /**
   * Longest a server-side token count may take, queueing included, before it is stopped with a 422.
   * 1,900 ms leaves 100 ms for what happens outside the route (receiving the body, sending the
   * answer), so a client has its count or its refusal within 2 s (bench:tokens:load).
   */
  TOKEN_COUNT_BUDGET_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(1, "must be at least 1")
    .default(1_900),
  /** Worker threads that count large texts for POST /api/tokens at once; unset: one core fewer than the machine has. */
  TOKEN_COUNT_THREADS: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ message: "must be a number of threads" })
      .int("must be a whole number of threads")
      .min(1, "must be at least 1")
      .max(16, "must be at most 16")
      .optional(),
  ),
  /** Set by Next.js in its server; absent when the TypeScript sources run directly (unit tests). */
  NEXT_RUNTIME: z.enum(["nodejs", "edge"]).optional(),
  /** Any OpenID Connect issuer; when set, sign-in is required (see docs/deploy.md). */
  AUTH_OIDC_ISSUER: optionalUrl.optional(),
  AUTH_OIDC_CLIENT_ID: optionalSecret,
  AUTH_OIDC_CLIENT_SECRET: optionalSecret,
  /** Signs session cookies: at least 32 random characters, e.g. `openssl rand -base64 32`. */
  AUTH_SECRET: optionalSecret.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** The issuer's name on the sign-in button; the issuer's host name when unset. */
  AUTH_OIDC_NAME: optionalSecret,
  /** Only these email domains may sign in (e.g. example.com,example.org); any domain when empty. */
  AUTH_ALLOWED_EMAIL_DOMAINS: lowerCaseList,
  /** These emails are admins; when empty, the first person to sign in becomes the admin. */
  AUTH_ADMIN_EMAILS: lowerCaseList,
});

const AUTH_REQUIRES = [
  "AUTH_OIDC_CLIENT_ID",
  "AUTH_OIDC_CLIENT_SECRET",
  "AUTH_SECRET",
  "APP_ORIGIN",
] as const;

const envSchema = envObject.superRefine((value, context) => {
  if (!value.AUTH_OIDC_ISSUER) return;
  for (const variable of AUTH_REQUIRES) {
    if (!value[variable]) {
      context.addIssue({
        code: "custom",
        path: [variable],
        message: `must be set when AUTH_OIDC_ISSUER is (sign-in needs the issuer, client id and secret, AUTH_SECRET and the public APP_ORIGIN)`,
      });
    }
  }
});
const providerSchema = z.object(providerShape);

/** Validated settings plus the raw variables, for names chosen by configuration (endpoint key variables). */
export type Env = z.infer<typeof envSchema> & { raw: Record<string, string | undefined> };

export class EnvError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  const providerResult = providerSchema.safeParse(source);
  const issues = [...(result.error?.issues ?? []), ...(providerResult.error?.issues ?? [])];
  if (!result.success || issues.length > 0) {
    throw new EnvError(
      issues.map((issue) => ({ variable: String(issue.path[0] ?? "(root)"), message: issue.message })),
    );
  }
  return { ...result.data, raw: { ...source } };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads a variable whose name comes from configuration (e.g. an endpoint's key variable). */
export function envValue(name: string): string | undefined {
  const value = env().raw[name]?.trim();
  return value ? value : undefined;
}
