import { type AnyColumn, sql } from "drizzle-orm";

/**
 * The display name of whoever made a row (its `created_by`), read in the same statement; null in
 * single-user mode or once that user is gone. History, eval sets and eval runs show it as "by …".
 */
export const creatorName = (createdBy: AnyColumn) =>
  sql<string | null>`(select u.name from auth_users u where u.id = ${createdBy})`;
