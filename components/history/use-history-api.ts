"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { fetchJson } from "@/lib/api-client";
import type {
  SessionDetailJson,
  SessionSummaryJson,
  UsageEventJson,
  UsageReportJson,
} from "@/lib/history/api-types";

const sessionPath = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

/** Rows per "Load more": enough to fill a screen, few enough that the first paint stays quick. */
export const SESSIONS_PAGE_SIZE = 25;

interface SessionsPage {
  sessions: SessionSummaryJson[];
  nextCursor: string | null;
}

export function useSessions(q: string) {
  return useInfiniteQuery({
    // Its own key under "sessions": the calculator caches the unpaged list as ["sessions", ""].
    queryKey: ["sessions", "pages", q],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(SESSIONS_PAGE_SIZE) });
      if (q) params.set("q", q);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<SessionsPage>(`/api/sessions?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    select: (data) => data.pages.flatMap((page) => page.sessions),
    // Keep the old list on screen while a new search runs, so rows do not flash away per keystroke.
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useSessionDetail(id: string) {
  return useQuery({
    queryKey: ["session", id],
    queryFn: () => fetchJson<SessionDetailJson>(sessionPath(id)),
  });
}

export function useRenameSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, title }: { id: string; title: string }) =>
      fetchJson<SessionSummaryJson>(sessionPath(id), { method: "PATCH", body: JSON.stringify({ title }) }),
    onSuccess: (_session, { id }) => {
      void client.invalidateQueries({ queryKey: ["sessions"] });
      void client.invalidateQueries({ queryKey: ["session", id] });
    },
  });
}

export function useDeleteSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchJson<null>(sessionPath(id), { method: "DELETE" }),
    onSuccess: (_nothing, id) => {
      client.removeQueries({ queryKey: ["session", id] });
      void client.invalidateQueries({ queryKey: ["sessions"] });
      // Usage events outlive the session but lose their link to it.
      void client.invalidateQueries({ queryKey: ["usage-events"] });
    },
  });
}

/** `query` is the API query string without "?"; it doubles as the cache key. */
export function useUsageReport(query: string) {
  return useQuery({
    queryKey: ["usage", query],
    queryFn: () => fetchJson<UsageReportJson>(`/api/usage?${query}`),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useUsageEvents(query: string) {
  return useQuery({
    queryKey: ["usage-events", query],
    queryFn: () => fetchJson<{ events: UsageEventJson[] }>(`/api/usage/events?${query}`),
    select: (body) => body.events,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
