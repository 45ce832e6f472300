import { AsyncLocalStorage } from "node:async_hooks";
import { getSessionCookie } from "better-auth/cookies";
import { AppError } from "@/lib/errors";
import { viewerOfApiToken } from "./api-tokens";
import { asRole, canChange, type Viewer } from "./rules";
import { getAuth } from "./server";
import { authEnabled } from "./settings";
import { unauthorizedError as unauthorized } from "./unauthorized";

const viewerStore = new AsyncLocalStorage<Viewer | null>();

/** The signed-in person behind a cookie session; null without a valid one. */
export async function viewerOfHeaders(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const { user } = found;
  return { id: user.id, name: user.name, email: user.email, role: asRole(user.role) };
}

/**
 * Who sent this API request. Null in the single-user mode; in a shared deployment a valid session
 * cookie or bearer API token, else a 401. A bearer header that is not valid never falls back to cookies.
 */
export async function authenticate(request: Request): Promise<Viewer | null> {
  if (!authEnabled()) return null;
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    const viewer = token ? await viewerOfApiToken(token) : null;
    if (!viewer) throw unauthorized("That API token is not valid or was revoked.");
    return viewer;
  }
  const viewer = getSessionCookie(request.headers) ? await viewerOfHeaders(request.headers) : null;
  if (!viewer) throw unauthorized();
  return viewer;
}

/** Runs a route handler with its caller known to everything it calls (see currentViewer). */
export function runAsViewer<T>(viewer: Viewer | null, work: () => T): T {
  return viewerStore.run(viewer, work);
}

/** The caller of the API request being handled; null in the single-user mode. */
export function currentViewer(): Viewer | null {
  return viewerStore.getStore() ?? null;
}

/** The user id that new sessions, scenarios and usage record as their creator. */
export function currentUserId(): string | null {
  return currentViewer()?.id ?? null;
}

export function assertCanChange(
  createdBy: string | null,
  surface: "history" | "calculator" | "evals",
  what: string,
): void {
  if (!canChange(currentViewer(), createdBy)) {
    throw new AppError(
      `forbidden:${surface}`,
      `Only the person who made this ${what} or an admin can change it.`,
    );
  }
}

export function requireAdmin(): Viewer {
  const viewer = currentViewer();
  if (!authEnabled()) {
    throw new AppError("not_found:settings", "API tokens exist only when sign-in is configured.");
  }
  if (viewer?.role === "admin") return viewer;
  throw new AppError("forbidden:settings", "Only admins manage API tokens.");
}
