/**
 * The first delta of a pane goes out at once (it is the time to first token); later ones arriving
 * within the window are sent as one event. Readers see text at about 30 updates a second, and a pane
 * costs the server a few events a second instead of one per token. Each event costs the HTTP thread
 * 0.05–0.1 ms (the message between threads, the event, the write to the reader's socket): at a
 * model's usual 100 tokens a second, a 16 ms window (about 300 events for a 5 s answer) was most of
 * what a stream cost that thread (bench:ttft's paced phase).
 */
export const DELTA_COALESCE_MS = 33;

export function coalesceDeltas(emit: (text: string) => void, windowMs = DELTA_COALESCE_MS) {
  let pending = "";
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = () => {
    timer = null;
    if (!pending) return;
    emit(pending);
    pending = "";
    timer = setTimeout(tick, windowMs);
  };
  return {
    push(text: string) {
      if (timer === null) {
        emit(text);
        timer = setTimeout(tick, windowMs);
      } else {
        pending += text;
      }
    },
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (pending) emit(pending);
      pending = "";
    },
  };
}
