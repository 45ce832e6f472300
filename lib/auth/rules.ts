/*
 * The decisions of sign-in and ownership, kept free of I/O so they can be tested on their own.
 */

export type Role = "admin" | "member";

/** Who is calling in a shared deployment; the single-user mode has no viewer (null). */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function asRole(value: unknown): Role {
  return value === "admin" ? "admin" : "member";
}

/** An empty list allows every domain; otherwise the email's domain must be listed exactly. */
export function emailDomainAllowed(email: string, allowedDomains: string[]): boolean {
  if (allowedDomains.length === 0) return true;
  const at = email.lastIndexOf("@");
  if (at < 1) return false;
  return allowedDomains.includes(
    email
      .slice(at + 1)
      .trim()
      .toLowerCase(),
  );
}

/**
 * A new user's role: listed admin emails are admins and nobody else is. With no list everyone starts
 * as a member and the first of them is promoted once their row exists (`promoteFirstAdmin`, under a
 * lock), so a fresh deployment is never left without an admin and two people signing in at the same
 * moment cannot both become one.
 */
export function roleForNewUser({ email, adminEmails }: { email: string; adminEmails: string[] }): Role {
  return adminEmails.includes(email.trim().toLowerCase()) ? "admin" : "member";
}

/**
 * The role at each later sign-in: with an admin list configured it decides, so adding or removing an
 * email takes effect at that person's next sign-in; without one, roles stay as they were given.
 */
export function roleAtSignIn({
  email,
  adminEmails,
  current,
}: {
  email: string;
  adminEmails: string[];
  current: Role;
}): Role {
  if (adminEmails.length === 0) return current;
  return adminEmails.includes(email.trim().toLowerCase()) ? "admin" : "member";
}

/** Renaming and deleting: the single user may change anything; on a team, its owner or an admin. */
export function canChange(viewer: Viewer | null, createdBy: string | null): boolean {
  if (viewer === null) return true;
  return viewer.role === "admin" || (createdBy !== null && createdBy === viewer.id);
}

/** Only a path on this site may be where sign-in returns to; anything else returns home. */
export function safeReturnPath(next: string | null | undefined): string {
  const onThisSite = /^\/(?![/\\])/.test(next ?? "");
  return onThisSite && next ? next : "/";
}
