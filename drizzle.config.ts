import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and committed; the same SQL runs on Postgres 15 and PGlite.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  strict: true,
});
