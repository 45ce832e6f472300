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
 * default (neighbouring rows with the same keys share a statement), generated columns are left out, a column's default
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
  const byKey = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    // As drizzle's insert: a generated column (other than "by default") is never written.
    ([, column]) => column.generated === undefined || column.generated.type === "byDefault",
  );
  // Neighbouring rows with the same keys share a statement; the statements run in the rows' order,
  // so of two rows for one unique key the earlier is still the one kept.
  const groups: { signature: string; columns: PgColumn[]; rows: Record<string, unknown>[] }[] = [];
  for (const row of rows) {
    const present: PgColumn[] = [];
    const stored: Record<string, unknown> = {};
    for (const [key, column] of byKey) {
      let value = row[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      else if (value === undefined && !column.default && column.onUpdateFn) value = column.onUpdateFn();
      if (value === undefined) continue;
      if (is(value, SQL)) throw new Error(`insertRowsAsJson takes values, not SQL (column ${column.name})`);
      present.push(column);
      stored[column.name] =
        value === null || JSON_COLUMNS.has(column.columnType) ? value : column.mapToDriverValue(value);
    }
    const signature = present.map((column) => column.name).join(",");
    const last = groups.at(-1);
    if (last?.signature === signature) last.rows.push(stored);
    else groups.push({ signature, columns: present, rows: [stored] });
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
  for (const group of groups) {
    const names = sql.join(
      group.columns.map((column) => sql.identifier(column.name)),
      sql`, `,
    );
    const definitions = sql.join(
      group.columns.map((column) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
      sql`, `,
    );
    const json = JSON.stringify(group.rows, (_key, value) => {
      if (typeof value === "string") return storableText(value);
      // JSON would write these as null: a bad number fails the write, as it would as a parameter.
      if (typeof value === "number" && !Number.isFinite(value))
        throw new Error(`Cannot store the number ${value}`);
      return value;
    });
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
