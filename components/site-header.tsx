"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Viewer } from "@/lib/auth/rules";
import { APP_NAME } from "@/lib/version";
import { UserMenu } from "./auth/user-menu";
import { ThemeToggle } from "./theme-toggle";

export const NAV_ITEMS = [
  { href: "/catalog", label: "Catalog" },
  { href: "/playground", label: "Playground" },
  { href: "/calculator", label: "Calculator" },
  { href: "/evals", label: "Evals" },
  { href: "/history", label: "History" },
  { href: "/settings", label: "Settings" },
] as const;

/** `viewer` is the signed-in person of a shared deployment; null in the single-user mode and on sign-in. */
export function SiteHeader({ viewer }: { viewer: Viewer | null }) {
  const pathname = usePathname();
  if (pathname === "/sign-in") return null;
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-[1600px] items-center gap-3 px-3 py-2 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold" data-testid="home-link">
          <span className="grid h-7 w-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
            ML
          </span>
          <span className="hidden sm:inline">{APP_NAME}</span>
        </Link>
        <nav aria-label="Main" className="-mx-1 flex min-w-0 flex-1 overflow-x-auto" data-testid="main-nav">
          {NAV_ITEMS.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                data-testid={`nav-${item.label.toLowerCase()}`}
                className={`shrink-0 rounded-md px-2.5 py-1.5 text-sm font-medium ${
                  active
                    ? "bg-accent-50 text-accent-700 dark:bg-zinc-800 dark:text-white"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                }`}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        {viewer ? <UserMenu viewer={viewer} /> : null}
        <ThemeToggle />
      </div>
    </header>
  );
}
