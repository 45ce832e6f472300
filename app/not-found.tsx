import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16" data-testid="not-found">
      <p className="text-sm font-medium text-accent-600 dark:text-accent-300">404</p>
      <h1 className="mt-1 text-xl font-semibold">Nothing here</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        The page or model you asked for does not exist. It may have been renamed or removed from the catalog.
      </p>
      <div className="mt-4 flex gap-3 text-sm">
        <Link href="/" className="text-accent-600 dark:text-accent-300 underline underline-offset-2">
          Home
        </Link>
        <Link href="/catalog" className="text-accent-600 dark:text-accent-300 underline underline-offset-2">
          Browse the catalog
        </Link>
      </div>
    </div>
  );
}
