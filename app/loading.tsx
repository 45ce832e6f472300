export default function Loading() {
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex items-center gap-3 py-16 text-sm text-muted"
      data-testid="loading"
    >
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-zinc-300 border-t-accent-600" />
      Loading…
    </div>
  );
}
