"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-16" data-testid="error-page">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        {error.message || "An unexpected error occurred."}
        {error.digest ? <span className="block text-xs">Reference: {error.digest}</span> : null}
      </p>
      <Button variant="primary" onClick={reset} className="mt-4">
        Try again
      </Button>
    </div>
  );
}
