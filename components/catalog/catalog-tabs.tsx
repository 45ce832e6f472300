"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/catalog", label: "Table", testId: "catalog-tab-table" },
  { href: "/catalog/compare", label: "Compare", testId: "catalog-tab-compare" },
  { href: "/catalog/charts", label: "Charts", testId: "catalog-tab-charts" },
  { href: "/catalog/wizard", label: "Which model?", testId: "catalog-tab-wizard" },
] as const;

/** Sub-navigation shared by every catalog view. */
export function CatalogTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Catalog views"
      className="mb-4 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
    >
      {TABS.map((tab) => {
        const active = tab.href === "/catalog" ? pathname === "/catalog" : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            data-testid={tab.testId}
            aria-current={active ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium ${
              active
                ? "border-accent-600 text-accent-700 dark:text-white"
                : "border-transparent text-muted hover:text-zinc-900 dark:hover:text-zinc-200"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
