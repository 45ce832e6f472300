/** The simulated models the demo set is meant for; they need no keys and spend nothing real. */
export const DEMO_SET_MODELS = ["demo/swift", "demo/steady", "demo/deliberate"] as const;
