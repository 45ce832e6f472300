"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/api-client";
import type { EstimateRequest, EstimateResponse } from "@/lib/calculator/schema";

export interface SavedScenario {
  id: string;
  name: string;
  state: EstimateRequest;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  createdAt: string;
  turns: number;
  models: string[];
}

export interface SessionRuns {
  runs: {
    prompt: string;
    results: {
      modelId: string;
      status: string;
      inputTokens: number | null;
      outputTokens: number | null;
      simulated: boolean;
    }[];
  }[];
}

const ESTIMATE_PAUSE_MS = 200;

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * The estimate for the scenario, asked for once typing pauses. The previous answer stays on screen
 * while the next loads; `pending` covers both the pause and the request, so tests can wait on it.
 */
export function useEstimate(state: EstimateRequest | null) {
  const body = state ? JSON.stringify(state) : null;
  const debouncedBody = useDebounced(body, ESTIMATE_PAUSE_MS);
  const query = useQuery({
    queryKey: ["estimate", debouncedBody],
    queryFn: ({ signal }) =>
      fetchJson<EstimateResponse>("/api/estimate", { method: "POST", body: debouncedBody ?? "", signal }),
    enabled: debouncedBody !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  return { ...query, pending: body !== debouncedBody || query.isFetching };
}

export function useScenarios() {
  return useQuery({
    queryKey: ["scenarios"],
    queryFn: () => fetchJson<{ scenarios: SavedScenario[] }>("/api/scenarios"),
    select: (body) => body.scenarios,
  });
}

export function useSaveScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      name,
      state,
      ifMatch,
    }: {
      id: string | null;
      name: string;
      state: EstimateRequest;
      ifMatch?: string;
    }) =>
      fetchJson<SavedScenario>(id ? `/api/scenarios/${encodeURIComponent(id)}` : "/api/scenarios", {
        method: id ? "PUT" : "POST",
        body: JSON.stringify({ name, state }),
        headers: ifMatch ? { "if-match": ifMatch } : undefined,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["scenarios"] }),
  });
}

export function useDeleteScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<null>(`/api/scenarios/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["scenarios"] }),
  });
}

export function usePlaygroundSessions(enabled: boolean) {
  return useQuery({
    queryKey: ["sessions", ""],
    queryFn: () => fetchJson<{ sessions: SessionSummary[] }>("/api/sessions"),
    select: (body) => body.sessions,
    enabled,
    staleTime: 5_000,
  });
}

export function fetchSessionRuns(id: string): Promise<SessionRuns> {
  return fetchJson<SessionRuns>(`/api/sessions/${encodeURIComponent(id)}`);
}
