import { sql } from "drizzle-orm";
import { executeRows, openDb } from "@/db/client";

/**
 * A real second process for the PGlite lock tests. `write <dir> <rows>` opens the folder, inserts
 * the rows, prints "wrote <n>" and holds the folder until killed; `count <dir>` prints the row count.
 */
const [mode, dir, rows = "0"] = process.argv.slice(2);
if (!dir || (mode !== "write" && mode !== "count"))
  throw new Error("usage: pglite-writer write|count <dir> [rows]");

const handle = await openDb({ pgliteDir: dir, migrate: false });
await handle.db.execute(sql`create table if not exists lock_probe (n integer primary key)`);
if (mode === "write") {
  for (let n = 1; n <= Number(rows); n++) await handle.db.execute(sql`insert into lock_probe values (${n})`);
  console.log(`wrote ${rows}`);
  setInterval(() => {}, 60_000);
} else {
  const [row] = await executeRows<{ count: number }>(
    handle.db,
    sql`select count(*)::int as count from lock_probe`,
  );
  console.log(`count ${row?.count}`);
  await handle.close();
}
