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
        <span className="ml-2 text-xs font-normal text-zinc-500">{note}</span>
      </summary>
      <ul className="mt-2 max-h-64 space-y-0.5 overflow-y-auto text-xs">
        {items.map((item) => (
          <li key={item.model} className="flex flex-wrap gap-x-2" data-testid={`${testId}-item`}>
            <span className="font-mono">{item.model}</span>
            <span className="text-zinc-500">{item.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Models the estimate could not price or left out: listed with the reason, never shown as $0. */
export function UnpricedLists({ unpriced, excluded }: { unpriced: Reasoned; excluded: Reasoned }) {
  return (
    <div className="space-y-2">
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
