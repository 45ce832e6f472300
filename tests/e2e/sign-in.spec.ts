import { expect, request as playwrightRequest, test } from "@playwright/test";
import { AUTH_URL, E2E_AUTH_ENV } from "../../playwright.config";
import { createSession, HistoryPage } from "./pages/history-page";
import { SignInPage } from "./pages/sign-in-page";

// The shared deployment: the same build started with AUTH_* set, signing in through a local issuer.
test.use({ baseURL: AUTH_URL });
test.describe.configure({ mode: "serial" });

let adminSessionId = "";
let adminSetId = "";

test("sends pages to sign-in and answers the API with a JSON 401, health stays open", async ({
  page,
  request,
}) => {
  const api = await request.get("/api/sessions");
  expect(api.status()).toBe(401);
  expect((await api.json()).error.code).toBe("unauthorized:auth");
  expect((await request.get("/api/health")).status()).toBe(200);

  await page.goto("/history?tab=usage");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory%3Ftab%3Dusage$/);
  await expect(new SignInPage(page).button).toHaveText("Sign in with Example SSO");
  // No secret of the deployment reaches the browser.
  const html = await page.content();
  for (const secret of [E2E_AUTH_ENV.AUTH_SECRET, E2E_AUTH_ENV.AUTH_OIDC_CLIENT_SECRET]) {
    expect(html).not.toContain(secret);
  }
});

test("an admin signs in through the issuer, lands back, and manages API tokens that work as bearer tokens", async ({
  page,
  context,
}) => {
  await SignInPage.chooseIssuerPerson(context, "admin");
  const signIn = new SignInPage(page);
  await signIn.signInFrom("/history");
  await expect(signIn.userName).toHaveText("Ada Admin");
  await expect(page.getByTestId("user-role")).toHaveText("admin");

  adminSessionId = await createSession(page.request, "Admin question about embeddings");
  const history = new HistoryPage(page);
  await history.gotoSessions();
  await expect(history.row(adminSessionId).getByTestId("session-creator")).toHaveText("by Ada Admin");

  // An eval set is attributed too; its maker may change and delete it.
  const set = await page.request.post("/api/evals", {
    data: { name: "Admin's eval set", cases: [{ prompt: "Say hi", expected: "hi" }] },
  });
  expect(set.status()).toBe(201);
  adminSetId = (await set.json()).id;
  await page.goto(`/evals/${adminSetId}`);
  await expect(page.getByTestId("set-creator")).toHaveText("Made by Ada Admin.");
  await expect(page.getByTestId("set-delete")).toBeVisible();
  await expect(page.getByTestId("save-set")).toBeVisible();

  await page.goto("/settings");
  await page.getByTestId("api-token-name").fill("nightly export");
  await page.getByTestId("api-token-create").click();
  const token = (await page.getByTestId("api-token-secret").textContent()) ?? "";
  expect(token).toMatch(/^mlt_/);
  const row = page.locator('[data-testid="api-token-row"][data-token-name="nightly export"]');
  await expect(row).toBeVisible();
  await expect(row.getByTestId("api-token-last-used")).toHaveText("never");

  const script = await playwrightRequest.newContext({
    baseURL: AUTH_URL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const listed = await script.get("/api/sessions");
  expect(listed.status()).toBe(200);
  expect((await listed.json()).sessions.map((session: { id: string }) => session.id)).toContain(
    adminSessionId,
  );

  // A run started with the token (served past Next once the route is loaded) is the admin's too.
  const scriptedSessionId = await createSession(script, "Scripted question about rerankers", ["demo/swift"]);
  const scripted = (await (await script.get("/api/sessions")).json()).sessions.find(
    (session: { id: string }) => session.id === scriptedSessionId,
  );
  expect(scripted?.createdByName).toBe("Ada Admin");

  await page.reload();
  await expect(row.getByTestId("api-token-last-used")).not.toHaveText("never");
  await row.getByTestId("api-token-revoke").click();
  await expect(row).toHaveCount(0);
  const revoked = await script.get("/api/sessions");
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("unauthorized:auth");
  const revokedRun = await script.post("/api/playground/runs", {
    data: { prompt: "Not allowed", models: ["demo/swift"] },
  });
  expect(revokedRun.status()).toBe(401);
  expect((await revokedRun.json()).error.code).toBe("unauthorized:auth");
  await script.dispose();

  await signIn.signOut.click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/history");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhistory$/);
  expect((await page.request.get("/api/sessions")).status()).toBe(401);
  const signedOutRun = await page.request.post("/api/playground/runs", {
    data: { prompt: "Not allowed", models: ["demo/swift"] },
  });
  expect(signedOutRun.status()).toBe(401);
  expect((await signedOutRun.json()).error.code).toBe("unauthorized:auth");
});

test("a member sees the team's sessions but cannot delete an admin's", async ({ page, context }) => {
  await SignInPage.chooseIssuerPerson(context, "member");
  const signIn = new SignInPage(page);
  await signIn.signInFrom("/history");
  await expect(signIn.userName).toHaveText("Max Member");
  await expect(page.getByTestId("user-role")).toHaveCount(0);

  const history = new HistoryPage(page);
  await expect(history.row(adminSessionId)).toBeVisible();
  // The buttons are not offered, and the API refuses the request anyway.
  await expect(history.row(adminSessionId).getByTestId("session-delete")).toHaveCount(0);
  await expect(history.row(adminSessionId).getByTestId("session-rename")).toHaveCount(0);
  // Nor can they add turns to it; starting their own session from its prompt is offered instead.
  await expect(history.row(adminSessionId).getByTestId("session-continue")).toHaveCount(0);
  await expect(history.row(adminSessionId).getByTestId("session-rerun")).toBeVisible();
  const refused = await page.request.delete(`/api/sessions/${adminSessionId}`);
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden:history");
  await page.reload();
  await expect(history.row(adminSessionId)).toBeVisible();
  // Their own run is theirs, signed in by cookie.
  const ownSessionId = await createSession(page.request, "Member question about latency", ["demo/swift"]);
  await page.reload();
  await expect(history.row(ownSessionId).getByTestId("session-creator")).toHaveText("by Max Member");
  await expect(history.row(ownSessionId).getByTestId("session-delete")).toBeVisible();

  // Someone else's eval set: listed with its maker, shown read-only, still runnable and exportable.
  await page.goto("/evals");
  await expect(page.locator(`a[href="/evals/${adminSetId}"]`)).toContainText("by Ada Admin");
  await page.goto(`/evals/${adminSetId}`);
  await expect(page.getByTestId("set-not-yours")).toContainText(
    "Only Ada Admin or an admin can change its cases",
  );
  await expect(page.getByTestId("set-name")).not.toBeEditable();
  await expect(page.getByTestId("case-prompt").first()).not.toBeEditable();
  await expect(page.getByTestId("save-set")).toHaveCount(0);
  await expect(page.getByTestId("set-delete")).toHaveCount(0);
  await expect(page.getByTestId("eval-import-not-yours")).toBeVisible();
  await expect(page.getByTestId("eval-export")).toBeVisible();
  await expect(page.getByTestId("start-run")).toBeVisible();

  await page.goto("/settings");
  await expect(page.getByTestId("api-tokens-admins-only")).toBeVisible();
  expect((await page.request.get("/api/api-tokens")).status()).toBe(403);
});

test("an account outside the allowed email domains is turned back with a reason", async ({
  page,
  context,
}) => {
  await SignInPage.chooseIssuerPerson(context, "outsider");
  await page.goto("/catalog");
  await new SignInPage(page).button.click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByTestId("sign-in-error")).toContainText("email domain is not allowed");
  expect((await page.request.get("/api/sessions")).status()).toBe(401);
});
