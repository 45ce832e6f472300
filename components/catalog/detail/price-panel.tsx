import { PriceCell, TokensCell } from "@/components/catalog/cells";
import { Card } from "@/components/ui/card";
import { blendedDecimal } from "@/lib/catalog/read/query";
import type { CatalogEntry, OfferingPrice, PriceRates } from "@/lib/catalog/schema";
import { formatDate } from "@/lib/format";

function RateRows({
  rates,
}: {
  rates: Pick<
    PriceRates,
    "inputPerMTok" | "outputPerMTok" | "cacheReadPerMTok" | "cacheWritePerMTok" | "reasoningPerMTok"
  >;
}) {
  return (
    <>
      <td className="py-1 pr-3 text-right">
        <PriceCell value={rates.inputPerMTok} />
      </td>
      <td className="py-1 pr-3 text-right">
        <PriceCell value={rates.outputPerMTok} />
      </td>
      <td className="py-1 pr-3 text-right">
        <PriceCell value={rates.cacheReadPerMTok} />
      </td>
      <td className="py-1 text-right">
        <PriceCell value={rates.cacheWritePerMTok} />
      </td>
    </>
  );
}

const headClass = "py-1 pr-3 text-right text-xs font-medium uppercase text-muted";

/** Current rates with tiers, time-of-day windows and non-token prices, and where they come from. */
export function PricePanel({ entry, price }: { entry: CatalogEntry; price: OfferingPrice | null }) {
  return (
    <Card data-testid="price-panel">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">Price per 1M tokens</h2>
        <p className="text-xs text-muted" data-testid="price-source">
          {entry.priceSource ? (
            <>
              Source: <span className="font-medium">{entry.priceSource}</span>, as of{" "}
              {formatDate(entry.priceAsOf)}
            </>
          ) : (
            "No source lists a price for this offering: it is unknown, not free."
          )}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Input", entry.inputPerMTok],
          ["Output", entry.outputPerMTok],
          ["Cached input", entry.cachedInputPerMTok],
          ["Blended 3:1", blendedDecimal(entry, [3, 1])],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md bg-zinc-50 p-3 dark:bg-zinc-800/60">
            <div className="text-xs text-muted">{label}</div>
            <div
              className="mt-1 text-lg font-semibold"
              data-testid={`price-${String(label)
                .toLowerCase()
                .replace(/[^a-z0-9]+/g, "-")}`}
            >
              <PriceCell value={value ?? null} />
            </div>
          </div>
        ))}
      </div>
      {price && (price.tiers.length > 0 || price.cacheWritePerMTok || price.reasoningPerMTok) ? (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-sm" data-testid="tier-table">
            <thead>
              <tr>
                <th className="py-1 pr-3 text-left text-xs font-medium uppercase text-muted">Prompt size</th>
                <th className={headClass}>Input</th>
                <th className={headClass}>Output</th>
                <th className={headClass}>Cache read</th>
                <th className={headClass.replace("pr-3 ", "")}>Cache write</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              <tr>
                <td className="py-1 pr-3">
                  {price.tiers.length > 0 ? (
                    <>
                      Up to <TokensCell value={price.tiers[0]?.aboveInputTokens ?? null} /> input tokens
                    </>
                  ) : (
                    "Any"
                  )}
                </td>
                <RateRows rates={price} />
              </tr>
              {price.tiers.map((tier) => (
                <tr key={tier.aboveInputTokens} data-testid="tier-row">
                  <td className="py-1 pr-3">
                    Above <TokensCell value={tier.aboveInputTokens} /> input tokens (whole request)
                  </td>
                  <RateRows rates={tier} />
                </tr>
              ))}
            </tbody>
          </table>
          {price.reasoningPerMTok ? (
            <p className="mt-2 text-xs text-muted">
              Reasoning tokens: <PriceCell value={price.reasoningPerMTok} /> per 1M.
            </p>
          ) : (
            <p className="mt-2 text-xs text-muted">
              Reasoning tokens, where the model makes them, are billed as output.
            </p>
          )}
        </div>
      ) : null}
      {price && price.timeOfDay.length > 0 ? (
        <div className="mt-4 text-sm" data-testid="time-of-day">
          <h3 className="mb-1 text-xs font-medium uppercase text-muted">Time-of-day prices (UTC)</h3>
          <ul className="space-y-1">
            {price.timeOfDay.map((window) => (
              <li key={`${window.startUtc}-${window.endUtc}`}>
                {window.startUtc.slice(0, 5)}–{window.endUtc.slice(0, 5)}: input{" "}
                <PriceCell value={window.rates.inputPerMTok} />, output{" "}
                <PriceCell value={window.rates.outputPerMTok} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {price && Object.keys(price.extras).length > 0 ? (
        <p className="mt-3 text-xs text-muted" data-testid="price-extras">
          Other charges:{" "}
          {Object.entries(price.extras)
            .map(([key, value]) => `${key.replace(/_/g, " ")} $${value}`)
            .join(" · ")}
        </p>
      ) : null}
    </Card>
  );
}
