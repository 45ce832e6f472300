import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { fuzzRequests } from "../fuzz/generate";
import { FUZZ_ROUTES } from "../fuzz/routes";
import { sendAll } from "../fuzz/send";

// A fixed seed keeps CI reproducible; FUZZ_SEED=<n> replays or explores another run.
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const REQUESTS_PER_ROUTE = Number(process.env.FUZZ_REQUESTS ?? 1000);

test.describe("malformed requests never get a 5xx and always get the JSON error shape", () => {
  test.setTimeout(180_000);

  for (const [index, route] of FUZZ_ROUTES.entries()) {
    test(route.path, async ({ baseURL }) => {
      const requests = fc.sample(fuzzRequests(route), { seed: SEED + index, numRuns: REQUESTS_PER_ROUTE });
      const failures = await sendAll(baseURL ?? "", requests);
      const report = failures.slice(0, 5).map(({ request, fault, answer }) => ({
        fault,
        request: { ...request, body: request.body?.slice(0, 200) },
        answer: { status: answer.status, text: answer.text.slice(0, 200) },
      }));
      expect(failures, `seed ${SEED + index}: ${JSON.stringify(report, null, 2)}`).toEqual([]);
    });
  }
});
