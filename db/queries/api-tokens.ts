import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { type Db, dbError } from "../client";
import { type ApiToken, type AuthUser, apiTokens, authUsers } from "../schema";

export async function insertApiToken({
  db,
  userId,
  name,
  tokenHash,
  prefix,
}: {
  db: Db;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
}): Promise<ApiToken> {
  try {
    const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash, prefix }).returning();
    if (!row) throw new Error("no row returned");
    return row;
  } catch (error) {
    throw dbError("create the API token", error);
  }
}

export type ApiTokenListing = Omit<ApiToken, "tokenHash"> & { ownerName: string; ownerEmail: string };

/** Every token that is not revoked, newest first, with its owner; never the hash. */
export async function listActiveApiTokens({ db }: { db: Db }): Promise<ApiTokenListing[]> {
  try {
    return await db
      .select({
        id: apiTokens.id,
        userId: apiTokens.userId,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
        ownerName: authUsers.name,
        ownerEmail: authUsers.email,
      })
      .from(apiTokens)
      .innerJoin(authUsers, eq(authUsers.id, apiTokens.userId))
      .where(isNull(apiTokens.revokedAt))
      .orderBy(desc(apiTokens.createdAt));
  } catch (error) {
    throw dbError("list API tokens", error);
  }
}

/** Revoked tokens keep their row (so the hash can never be reused) but stop working. */
export async function revokeApiTokenById({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    const revoked = await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return revoked.length > 0;
  } catch (error) {
    throw dbError("revoke the API token", error);
  }
}

/** The owner of a live token, marking it used; null for an unknown or revoked hash. */
export async function touchApiTokenByHash({
  db,
  tokenHash,
}: {
  db: Db;
  tokenHash: string;
}): Promise<AuthUser | null> {
  try {
    const used = db.$with("used_token").as(
      db
        .update(apiTokens)
        .set({ lastUsedAt: sql`now()` })
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
        .returning({ userId: apiTokens.userId }),
    );
    const [row] = await db
      .with(used)
      .select({ user: authUsers })
      .from(authUsers)
      .innerJoin(used, eq(used.userId, authUsers.id));
    return row?.user ?? null;
  } catch (error) {
    throw dbError("check the API token", error);
  }
}

// Any fixed number: the transaction-scoped advisory lock that lets one first admin be chosen at a time.
const FIRST_ADMIN_LOCK = 7_314_001;

/**
 * Makes `id` the admin when there is none yet, and says whether it did. The check and the update run
 * under one advisory lock, so of several people signing in to a fresh deployment at once exactly one
 * becomes the admin, on a Postgres server as on the embedded database.
 */
export async function promoteFirstAdmin({ db, id }: { db: Db; id: string }): Promise<boolean> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
      const [admin] = await tx
        .select({ id: authUsers.id })
        .from(authUsers)
        .where(eq(authUsers.role, "admin"))
        .limit(1);
      if (admin) return false;
      const promoted = await tx
        .update(authUsers)
        .set({ role: "admin" })
        .where(eq(authUsers.id, id))
        .returning({ id: authUsers.id });
      return promoted.length > 0;
    });
  } catch (error) {
    throw dbError("choose the first admin", error);
  }
}

export async function getAuthUserById({ db, id }: { db: Db; id: string }): Promise<AuthUser | null> {
  try {
    const [row] = await db.select().from(authUsers).where(eq(authUsers.id, id));
    return row ?? null;
  } catch (error) {
    throw dbError("read the user", error);
  }
}

export async function updateAuthUserRole({
  db,
  id,
  role,
}: {
  db: Db;
  id: string;
  role: string;
}): Promise<void> {
  try {
    await db.update(authUsers).set({ role, updatedAt: sql`now()` }).where(eq(authUsers.id, id));
  } catch (error) {
    throw dbError("change the user's role", error);
  }
}
