/**
 * bench/gc-trace: reads a Chromium trace of the calculator's token counting (bench/tokens-browser with
 * BENCH_TRACE=1) and finds the garbage collections that ran on a worker's thread during each count.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  id2?: { local?: string };
  args?: { detail?: string };
}

/** Garbage collection on a worker's thread while it counted, per count: major pauses and marking steps. */
export interface GcDuringCount {
  majorMs: number;
  markingMs: number;
}

/**
 * Reads a Chromium trace of a session: each worker task is a `token count: <task>` measure (see
 * token-counter.worker.ts), and V8 records its collections on the same thread. Returns, per paste (in
 * order) and encoding, the most any one worker spent in major-collection pauses and in marking steps
 * during its share of the count.
 */
export function gcDuringCounts(traceJson: string): Map<string, GcDuringCount> {
  const parsed = JSON.parse(traceJson) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  // The browser reuses a measure's id within a thread, so a span is complete at its end event.
  const open = new Map<string, { task: string; tid: number; textId: number; start: number }>();
  const spans: { task: string; tid: number; textId: number; start: number; end: number }[] = [];
  for (const event of events) {
    if (!event.name.startsWith("token count: ") || !event.id2?.local) continue;
    const key = `${event.tid}:${event.id2.local}`;
    if (event.ph === "b") {
      const textId = Number(JSON.parse(event.args?.detail ?? "{}").textId);
      open.set(key, {
        task: event.name.slice("token count: ".length),
        tid: event.tid,
        textId,
        start: event.ts,
      });
    } else if (event.ph === "e") {
      const span = open.get(key);
      open.delete(key);
      if (span) spans.push({ ...span, end: event.ts });
    }
  }
  const textIds = [...new Set(spans.map((span) => span.textId))].sort((a, b) => a - b);
  // The collections, picked out of the whole trace once rather than once per span.
  const collections = events.filter(
    (event) =>
      event.ph === "X" && (event.name === "V8.GCFinalizeMC" || event.name === "V8.GCIncrementalMarking"),
  );
  const result = new Map<string, GcDuringCount>();
  for (const span of spans) {
    const during = { majorMs: 0, markingMs: 0 };
    for (const event of collections) {
      if (event.tid !== span.tid || event.ts < span.start || event.ts > span.end) continue;
      if (event.name === "V8.GCFinalizeMC") during.majorMs += (event.dur ?? 0) / 1000;
      else during.markingMs += (event.dur ?? 0) / 1000;
    }
    const key = `${textIds.indexOf(span.textId)}:${span.task}`;
    const worst = result.get(key);
    if (!worst || during.majorMs + during.markingMs > worst.majorMs + worst.markingMs)
      result.set(key, during);
  }
  return result;
}
