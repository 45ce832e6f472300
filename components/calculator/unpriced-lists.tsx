import type { EstimateResponse } from "@/lib/calculator/schema";
import { formatInteger } from "@/lib/format";

type Reasoned = readonly { model: string; reason: string }[];

function ReasonList({
  title,
  items,
  testId,
  note,
}: {
  title: string;
  items: Reasoned;
  testId: string;
  note: string;
}) {
  if (items.length === 0) return null;
  return (
    <details
      className="rounded-lg border border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800"
      data-testid={testId}
    >
      <summary className="cursor-pointer font-medium">
        {title} ({formatInteger(items.length)})
        <span className="ml-2 text-xs font-normal text-muted">{note}</span>
      </summary>
      <ul className="mt-2 max-h-64 space-y-0.5 overflow-y-auto text-xs">
        {items.map((item) => (
          <li key={item.model} className="flex flex-wrap gap-x-2" data-testid={`${testId}-item`}>
            <span className="font-mono">{item.model}</span>
            <span className="text-muted">{item.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Models the estimate could not price, left out, or could not hold to the quality bar: listed with
 * the reason, never shown as $0 and never passed or dropped silently.
 */
export function UnpricedLists({
  unpriced,
  excluded,
  qualityBar,
}: {
  unpriced: Reasoned;
  excluded: Reasoned;
  qualityBar: EstimateResponse["qualityBar"];
}) {
  return (
    <div className="space-y-2">
      {qualityBar ? (
        <>
          <ReasonList
            title="No score — not compared"
            items={qualityBar.unscored}
            testId="unscored-list"
            note={`priced, but the bar (${qualityBar.label}) cannot be checked`}
          />
          <ReasonList
            title="Below the quality bar"
            items={qualityBar.belowBar}
            testId="below-bar-list"
            note={qualityBar.label}
          />
        </>
      ) : null}
      <ReasonList
        title="Not priced"
        items={unpriced}
        testId="unpriced-list"
        note="no known price, so no total"
      />
      <ReasonList
        title="Excluded"
        items={excluded}
        testId="excluded-list"
        note="lack something a workload needs"
      />
    </div>
  );
}
