import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { storableText } from "@/lib/storable-text";
import { type Db, executeRows } from "../client";

const JSON_COLUMNS = new Set(["PgJson", "PgJsonb"]);

/**
 * Inserts a batch of rows with one parameter: the rows as a jsonb array, read back by
 * jsonb_to_recordset with each column's own type, in the order given. A batch of answers is
 * thousands of parameters, and drizzle's typing and the driver's binding of each one cost the
 * server more than the statement itself.
 *
 * It means what `db.insert(table).values(rows)` means: a key missing from a row takes the column's
 * default (rows with different keys go in one statement per set of keys), a column's default
 * function runs for a row without a value, a json column takes the value itself and any other the
 * value drizzle would send. Strings are made storable (no NUL, no unpaired surrogate), as jsonb
 * needs. `tail` follows the select (an ON CONFLICT clause); `returning` names the columns to read
 * back, by the keys they come back under.
 */
export async function insertRowsAsJson<Row>(
  db: Db,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  options: { tail?: SQL; returning?: Record<string, PgColumn> } = {},
): Promise<Row[]> {
  const columns = Object.values(getTableColumns(table) as Record<string, PgColumn>);
  const keyOf = new Map(
    Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(([key, column]) => [column, key]),
  );
  const groups = new Map<string, { columns: PgColumn[]; rows: Record<string, unknown>[] }>();
  for (const row of rows) {
    const present: PgColumn[] = [];
    const stored: Record<string, unknown> = {};
    for (const column of columns) {
      let value = row[keyOf.get(column) as string];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      else if (value === undefined && column.default === undefined && column.onUpdateFn)
        value = column.onUpdateFn();
      if (value === undefined) continue;
      if (is(value, SQL)) throw new Error(`insertRowsAsJson takes values, not SQL (column ${column.name})`);
      present.push(column);
      stored[column.name] =
        value === null || JSON_COLUMNS.has(column.columnType) ? value : column.mapToDriverValue(value);
    }
    const signature = present.map((column) => column.name).join(",");
    const group = groups.get(signature) ?? { columns: present, rows: [] };
    group.rows.push(stored);
    groups.set(signature, group);
  }
  const returning = options.returning
    ? sql` returning ${sql.join(
        Object.entries(options.returning).map(
          ([alias, column]) => sql`${sql.identifier(column.name)} as ${sql.identifier(alias)}`,
        ),
        sql`, `,
      )}`
    : sql``;
  const read: Row[] = [];
  for (const group of groups.values()) {
    const names = sql.join(
      group.columns.map((column) => sql.identifier(column.name)),
      sql`, `,
    );
    const definitions = sql.join(
      group.columns.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
      sql`, `,
    );
    const json = JSON.stringify(group.rows, (_key, value) =>
      typeof value === "string" ? storableText(value) : value,
    );
    read.push(
      ...(await executeRows<Row>(
        db,
        sql`insert into ${table} (${names})
          select ${names} from rows from (jsonb_to_recordset(${json}::jsonb) as (${definitions})) with ordinality as x
          order by x.ordinality
          ${options.tail ?? sql``}${returning}`,
      )),
    );
  }
  return read;
}
