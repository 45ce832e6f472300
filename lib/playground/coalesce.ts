/**
 * The first delta of a pane goes out at once (it is the time to first token); later ones arriving
 * within the window are sent as one event. Readers see text at a steady ~60 frames a second, and
 * six fast panes cost the server a few events a second each instead of one per token.
 */
export const DELTA_COALESCE_MS = 16;

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
