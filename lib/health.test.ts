import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it, vi } from "vitest";

// A folder that looks like a data directory but holds garbage, as a half-copied backup would.
const broken = path.join(mkdtempSync(path.join(tmpdir(), "health-")), "pglite");
mkdirSync(path.join(broken, "global"), { recursive: true });
writeFileSync(path.join(broken, "PG_VERSION"), "garbage\n");
writeFileSync(path.join(broken, "global", "pg_control"), "x");
vi.stubEnv("DATABASE_URL", "");
vi.stubEnv("PGLITE_DIR", broken);

const { GET } = await import("@/app/api/health/route");

it("answers 503 with the usual JSON error when the database folder cannot be opened", async () => {
  const response = await GET(new Request("http://test.local/api/health"), undefined);
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.error.code).toBe("unavailable:database");
  expect(body.error.message).toContain(`The database folder ${broken} could not be opened`);
});
