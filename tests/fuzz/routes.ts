/**
 * Every API route, with the methods it answers, the query parameters it reads and where ids go, so
 * the generator can aim malformed values at the places the handlers actually parse.
 */
export interface FuzzRoute {
  /** Path with `:id` (one segment) or `:rest` (one or more segments) placeholders. */
  path: string;
  methods: string[];
  query: string[];
}

export const FUZZ_ROUTES: FuzzRoute[] = [
  { path: "/api/playground/runs", methods: ["POST"], query: [] },
  { path: "/api/playground/stop", methods: ["POST"], query: [] },
  // The same two routes under their earlier paths.
  { path: "/api/compare", methods: ["POST"], query: [] },
  { path: "/api/compare/stop", methods: ["POST"], query: [] },
  { path: "/api/estimate", methods: ["POST"], query: [] },
  { path: "/api/evals", methods: ["GET", "POST"], query: [] },
  { path: "/api/evals/demo", methods: ["POST"], query: [] },
  { path: "/api/evals/:id", methods: ["GET", "PATCH", "DELETE"], query: [] },
  { path: "/api/evals/:id/runs", methods: ["POST"], query: [] },
  { path: "/api/evals/:id/estimate", methods: ["POST"], query: [] },
  { path: "/api/evals/runs/:id", methods: ["GET"], query: ["cursor", "limit"] },
  { path: "/api/evals/runs/:id/cancel", methods: ["POST"], query: [] },
  { path: "/api/health", methods: ["GET"], query: [] },
  {
    path: "/api/models",
    methods: ["GET"],
    query: ["q", "provider", "sort", "dir", "format", "ratio", "modality"],
  },
  { path: "/api/models/:rest", methods: ["GET"], query: [] },
  { path: "/api/playground/models", methods: ["GET"], query: [] },
  { path: "/api/scenarios", methods: ["GET", "POST"], query: [] },
  { path: "/api/scenarios/:id", methods: ["GET", "PUT", "DELETE"], query: [] },
  { path: "/api/sessions", methods: ["GET"], query: ["q"] },
  { path: "/api/sessions/:id", methods: ["GET", "PATCH", "DELETE"], query: [] },
  { path: "/api/sessions/:id/export", methods: ["GET"], query: ["format"] },
  { path: "/api/tokens", methods: ["POST"], query: [] },
  {
    path: "/api/usage",
    methods: ["GET"],
    query: ["from", "to", "groupBy", "split", "includeSimulated", "model", "provider", "status", "member"],
  },
  {
    path: "/api/usage/events",
    methods: ["GET"],
    query: [
      "from",
      "to",
      "limit",
      "offset",
      "format",
      "model",
      "provider",
      "status",
      "includeSimulated",
      "member",
    ],
  },
  // Appended, so the routes above keep the fuzz seeds (SEED + index) they have always had.
  { path: "/api/api-tokens", methods: ["GET", "POST"], query: [] },
  { path: "/api/api-tokens/:id", methods: ["DELETE"], query: [] },
  { path: "/api/auth/:rest", methods: ["GET", "POST"], query: [] },
  { path: "/api/evals/runs/:id/votes", methods: ["GET", "POST"], query: [] },
  { path: "/api/evals/:id/leaderboard", methods: ["GET"], query: ["scope"] },
  { path: "/api/evals/:id/import", methods: ["POST"], query: [] },
  { path: "/api/evals/:id/export", methods: ["GET"], query: [] },
];
