import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authUsers } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  insertApiToken,
  listActiveApiTokens,
  promoteFirstAdmin,
  revokeApiTokenById,
  touchApiTokenByHash,
} from "./api-tokens";

forEachTestDatabase((getHandle) => {
  it("makes exactly one of five people signing in at once the first admin, and nobody after that", async () => {
    const { db } = getHandle();
    const ids = ["u-1", "u-2", "u-3", "u-4", "u-5"];
    await db.insert(authUsers).values(ids.map((id) => ({ id, name: id, email: `${id}@example.com` })));
    const promoted = await Promise.all(ids.map((id) => promoteFirstAdmin({ db, id })));
    expect(promoted.filter(Boolean)).toHaveLength(1);
    const admins = await db.select().from(authUsers).where(eq(authUsers.role, "admin"));
    expect(admins.map((user) => user.id)).toEqual([ids[promoted.indexOf(true)]]);
    await db.insert(authUsers).values({ id: "u-6", name: "late", email: "late@example.com" });
    expect(await promoteFirstAdmin({ db, id: "u-6" })).toBe(false);
    await db.delete(authUsers);
  });

  it("finds a token's owner by hash, marks it used, and stops once it is revoked", async () => {
    const { db } = getHandle();
    await db.insert(authUsers).values([
      { id: "u-ada", name: "Ada", email: "ada@example.com", role: "admin" },
      { id: "u-max", name: "Max", email: "max@example.com" },
    ]);
    const token = await insertApiToken({
      db,
      userId: "u-ada",
      name: "ci",
      tokenHash: "a".repeat(64),
      prefix: "mlt_abcdef",
    });
    expect(token.lastUsedAt).toBeNull();

    const owner = await touchApiTokenByHash({ db, tokenHash: "a".repeat(64) });
    expect(owner?.email).toBe("ada@example.com");
    expect(await touchApiTokenByHash({ db, tokenHash: "b".repeat(64) })).toBeNull();
    const [listed] = await listActiveApiTokens({ db });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed).toMatchObject({ name: "ci", ownerName: "Ada", ownerEmail: "ada@example.com" });
    expect(listed).not.toHaveProperty("tokenHash");

    expect(await revokeApiTokenById({ db, id: token.id })).toBe(true);
    expect(await revokeApiTokenById({ db, id: token.id })).toBe(false);
    expect(await touchApiTokenByHash({ db, tokenHash: "a".repeat(64) })).toBeNull();
    expect(await listActiveApiTokens({ db })).toEqual([]);
    // A revoked token keeps its hash, so the same secret can never be issued again.
    await expect(
      insertApiToken({ db, userId: "u-max", name: "again", tokenHash: "a".repeat(64), prefix: "mlt_abcdef" }),
    ).rejects.toThrow();
  });
});
