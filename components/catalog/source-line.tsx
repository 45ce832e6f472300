import type { CatalogSource } from "@/lib/catalog/schema";
import { formatDate } from "@/lib/format";

/** "Prices as of …" with the data packages behind them; shown wherever catalog prices appear. */
export function SourceLine({ asOf, sources }: { asOf: string; sources: readonly CatalogSource[] }) {
  return (
    <p className="text-xs text-muted" data-testid="catalog-as-of">
      Prices and capabilities as of <time dateTime={asOf}>{formatDate(asOf)}</time>, from{" "}
      {sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? " and " : ""}
          <a
            href={source.url}
            className="underline decoration-dotted hover:text-accent-600"
            rel="noreferrer"
            target="_blank"
          >
            {source.name}
          </a>{" "}
          <span className="font-mono">
            {source.packageName}@{source.version}
          </span>
        </span>
      ))}
      . Unknown values are shown as unknown, never as zero.
    </p>
  );
}
