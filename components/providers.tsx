"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useState } from "react";
import { AppError } from "@/lib/errors";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            // A 4xx will not fix itself on retry; only retry network and server faults.
            retry: (failureCount, error) =>
              failureCount < 2 && !(error instanceof AppError && error.status < 500),
          },
        },
      }),
  );
  // Every page that keeps its view in the URL (catalog, charts, calculator, history) does so through nuqs.
  return (
    <NuqsAdapter>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </NuqsAdapter>
  );
}
