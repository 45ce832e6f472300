"use client";

import Link from "next/link";
import { SessionList } from "./session-list";
import { UsageView } from "./usage-view";
import { useHistoryParams } from "./use-history-params";

const TABS = [
  { id: "sessions", label: "Sessions" },
  { id: "usage", label: "Usage" },
] as const;

/** Sessions and Usage tabs; the tab is in the URL (`?tab=usage`) so either can be linked to. */
export function HistoryView() {
  const { params } = useHistoryParams();
  const tab = params.tab === "usage" ? "usage" : "sessions";
  return (
    <>
      <nav
        aria-label="History views"
        className="mb-5 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
      >
        {TABS.map((item) => (
          <Link
            key={item.id}
            href={item.id === "sessions" ? "/history" : `/history?tab=${item.id}`}
            scroll={false}
            data-testid={`history-tab-${item.id}`}
            aria-current={tab === item.id ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${
              tab === item.id
                ? "border-accent-600 text-accent-700 dark:text-white"
                : "border-transparent text-muted hover:text-zinc-900 dark:hover:text-zinc-200"
            }`}
          >
            {item.label}
          </Link>
        ))}
      </nav>
      {tab === "usage" ? <UsageView /> : <SessionList />}
    </>
  );
}
