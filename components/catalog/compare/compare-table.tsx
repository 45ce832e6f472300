import Link from "next/link";
import type { Comparison } from "@/lib/catalog/views/compare";
import { modelPath } from "@/lib/catalog/views/paths";

/**
 * The side-by-side table: one column per model, attributes in aligned rows grouped by kind. Rows where
 * the models differ carry an amber edge, and the best value in a row is highlighted.
 */
export function CompareTable({ comparison }: { comparison: Comparison }) {
  const groups = [...new Set(comparison.rows.map((row) => row.group))];
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
      <table className="w-full min-w-[640px] text-sm" data-testid="compare-table">
        <thead className="bg-zinc-50 dark:bg-zinc-900">
          <tr>
            <th className="sticky left-0 w-48 bg-zinc-50 px-3 py-2 text-left text-xs uppercase text-muted dark:bg-zinc-900">
              Model
            </th>
            {comparison.entries.map((entry) => (
              <th
                key={entry.id}
                className="px-3 py-2 text-left align-top"
                data-testid="compare-column"
                data-model-id={entry.id}
              >
                <Link
                  href={modelPath(entry.id)}
                  className="font-semibold hover:text-accent-600 hover:underline"
                >
                  {entry.name}
                </Link>
                <div className="font-mono text-[11px] font-normal text-muted">{entry.id}</div>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group} className="divide-y divide-zinc-100 dark:divide-zinc-800">
            <tr>
              <th
                colSpan={comparison.entries.length + 1}
                className="bg-zinc-50/60 px-3 pt-3 pb-1 text-left text-xs font-semibold uppercase tracking-wide text-muted dark:bg-zinc-900/40"
              >
                {group}
              </th>
            </tr>
            {comparison.rows
              .filter((row) => row.group === group)
              .map((row) => (
                <tr key={row.key} data-testid="compare-row" data-row={row.key} data-differs={row.differs}>
                  <th
                    scope="row"
                    className={`sticky left-0 bg-white px-3 py-1.5 text-left font-normal text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400 ${
                      row.differs ? "border-l-2 border-l-amber-400" : "border-l-2 border-l-transparent"
                    }`}
                  >
                    {row.label}
                  </th>
                  {row.values.map((value, index) => (
                    <td
                      key={comparison.entries[index]?.id ?? index}
                      data-best={row.best.includes(index)}
                      className={`px-3 py-1.5 align-top tabular ${
                        row.best.includes(index)
                          ? "font-semibold text-emerald-700 dark:text-emerald-400"
                          : value.startsWith("unknown") || value === "not stated"
                            ? "italic text-muted"
                            : ""
                      }`}
                    >
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
