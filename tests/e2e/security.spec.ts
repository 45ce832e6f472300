import { expect, test } from "@playwright/test";
import { send } from "../fuzz/send";
import { AppShell, NAV } from "./pages/app-shell";
import { OtherSite } from "./pages/other-site";

const PAGES = ["/", ...NAV.map((item) => item.path)];

test("pages and API answers carry the security headers", async ({ request }) => {
  for (const path of [...PAGES, "/api/health", "/api/models?limit=1", "/api/no-such-thing"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
    );
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // Plain HTTP here, so no HSTS; a trusted proxy's x-forwarded-proto is ignored without TRUST_PROXY.
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  const forged = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(forged.headers()["strict-transport-security"]).toBeUndefined();
});

test("every page runs under the CSP without a single violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const shell = new AppShell(page);
  for (const path of PAGES) {
    await shell.goto(path);
    // The theme script is inline: it only runs when it carries the request's nonce.
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  }
  // Hydrated React answers clicks; a blocked framework chunk would leave the toggle dead.
  await shell.chooseTheme("dark");
  expect(await shell.isDark()).toBe(true);
  expect(violations).toEqual([]);
});

test.describe("another site", () => {
  test.use({ bypassCSP: true });

  test("another site can neither write through a no-cors POST nor frame the app", async ({
    page,
    request,
    baseURL,
  }) => {
    const before = (await (await request.get("/api/scenarios")).json()).scenarios.length;
    const other = new OtherSite(page, baseURL ?? "");
    await other.open();
    const planted = {
      name: "planted by another site",
      state: { workloads: [{ name: "x", inputTokens: 1, outputTokens: 1, requestsPerMonth: 1 }] },
    };
    await other.postNoCors(`${baseURL}/api/scenarios`, planted);
    // The page cannot read the answer; the same request sent here shows what the app said to it.
    const replayed = await request.post("/api/scenarios", {
      headers: { origin: other.origin, "content-type": "text/plain;application/json" },
      data: JSON.stringify(planted),
    });
    expect(replayed.status()).toBe(403);
    const after = (await (await request.get("/api/scenarios")).json()).scenarios.length;
    expect(after).toBe(before);

    expect(await other.frameShows(`${baseURL}/history`, "page-title")).toBe(false);
  });
});

test("the same request from the app's own origin still saves", async ({ request, baseURL }) => {
  const response = await request.post("/api/scenarios", {
    headers: { origin: baseURL ?? "", "content-type": "application/json" },
    data: {
      name: "same origin",
      state: { workloads: [{ name: "x", inputTokens: 1, outputTokens: 1, requestsPerMonth: 1 }] },
    },
  });
  expect(response.status()).toBe(201);
  const refused = await request.post("/api/scenarios", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { name: "cross origin", state: { workloads: [] } },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden:api");
});

test("malformed paths, unknown paths and wrong methods answer in the JSON error shape", async ({
  request,
}) => {
  for (const [method, path, status] of [
    ["GET", "/api/sessions/%E0%A4%A", 400],
    ["GET", "/api/models/openai/%", 400],
    ["GET", "/api/models/openai/%25", 404],
    ["GET", "/api/nope", 404],
    ["DELETE", "/api/health", 405],
    ["PUT", "/api/scenarios", 405],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(status);
    expect((await response.json()).error.code, `${method} ${path}`).toMatch(/^[a-z_]+:[a-z]+$/);
  }
});

test("TRACE gets the JSON 405, on API paths and pages alike", async ({ baseURL }) => {
  for (const [method, path] of [
    ["TRACE", "/api/health"],
    ["TRACE", "/api/sessions/%E0%A4%A"],
    ["TRACE", "/history"],
  ] as const) {
    const answer = await send(baseURL ?? "", { method, path, headers: {} });
    expect(answer.status, `${method} ${path}`).toBe(405);
    expect(answer.contentType, `${method} ${path}`).toContain("application/json");
    expect(JSON.parse(answer.text).error.code, `${method} ${path}`).toBe("method_not_allowed:api");
  }
});
