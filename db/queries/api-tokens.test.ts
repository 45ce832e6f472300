import { expect, it } from "vitest";
import { authUsers } from "../schema";
import { forEachTestDatabase } from "../test-databases";
import {
  countAdmins,
  insertApiToken,
  listActiveApiTokens,
  revokeApiTokenById,
  touchApiTokenByHash,
} from "./api-tokens";

forEachTestDatabase((getHandle) => {
  it("finds a token's owner by hash, marks it used, and stops once it is revoked", async () => {
    const { db } = getHandle();
    await db.insert(authUsers).values([
      { id: "u-ada", name: "Ada", email: "ada@example.com", role: "admin" },
      { id: "u-max", name: "Max", email: "max@example.com" },
    ]);
    expect(await countAdmins({ db })).toBe(1);
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
