import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  type ApiTokenListing,
  insertApiToken,
  listActiveApiTokens,
  revokeApiTokenById,
  touchApiTokenByHash,
} from "@/db/queries/api-tokens";
import { AppError } from "@/lib/errors";
import { asRole, type Viewer } from "./rules";

/*
 * Personal API tokens. better-auth's API-key plugin is published for 1.7 only as @better-auth/api-key
 * 1.7.5, whose exact peer pins (@better-auth/utils 0.4.2, better-call 1.4.0) conflict with better-auth
 * 1.7.25; a token here is 32 random bytes, kept only as its SHA-256, looked up by that hash.
 */
const TOKEN_PREFIX = "mlt_";

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100, "Keep the name under 100 characters"),
});

export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** 256 random bits need no slow hash: a fast one is enough and keeps each API call cheap. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The secret is returned here once and never stored or shown again. */
export async function createApiToken(
  owner: Viewer,
  name: string,
): Promise<{ token: string; listing: ApiTokenListing }> {
  const token = generateApiToken();
  const row = await insertApiToken({
    db: await getDb(),
    userId: owner.id,
    name,
    tokenHash: hashApiToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
  });
  const { tokenHash: _hash, ...listing } = row;
  return { token, listing: { ...listing, ownerName: owner.name, ownerEmail: owner.email } };
}

export async function listApiTokens(): Promise<ApiTokenListing[]> {
  return listActiveApiTokens({ db: await getDb() });
}

export async function revokeApiToken(id: string): Promise<void> {
  if (!z.uuid().safeParse(id).success) {
    throw new AppError("bad_request:settings", `"${id}" is not an API token id.`);
  }
  if (!(await revokeApiTokenById({ db: await getDb(), id }))) {
    throw new AppError("not_found:settings", "That API token does not exist or was already revoked.");
  }
}

/** The person a bearer token acts for; null when the token is unknown or revoked. */
export async function viewerOfApiToken(token: string): Promise<Viewer | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const user = await touchApiTokenByHash({ db: await getDb(), tokenHash: hashApiToken(token) });
  return user ? { id: user.id, name: user.name, email: user.email, role: asRole(user.role) } : null;
}
