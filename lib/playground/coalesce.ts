/**
 * The first delta of a pane goes out at once (it is the time to first token); the text that follows
 * is held and sent on one clock shared by every pane of the thread, which ticks every
 * DELTA_COALESCE_MS while any pane holds text. Readers see text at 20 updates a second (at a model's
 * usual pace, five tokens or so at a time), and a pane costs the server a few events a second instead
 * of one per token. Each event costs the HTTP thread 0.05–0.1 ms (the event, the write to the
 * reader's socket): at a model's usual 100 tokens a second, a 16 ms window (about 300 events for a 5 s
 * answer) was most of what a stream cost that thread, and 33 ms still a large part (bench:ttft's paced
 * phase). One clock rather than a timer per pane: the panes' text of one tick is emitted together, so
 * the streaming thread sends it to the HTTP thread as one message (outbox.ts), 50 panes at once cost
 * one timer and one message a tick rather than 50 of each, and the panes of one run reach the reader
 * in the same moment, so the page draws them together.
 */
export const DELTA_COALESCE_MS = 50;

interface HeldText {
  text: string;
  emit: (text: string) => void;
}

/** The panes holding text for the next tick, in the order their text arrived. */
const held = new Set<HeldText>();
/** Whether the clock's next tick is set. */
let ticking = false;

function schedule() {
  if (ticking) return;
  ticking = true;
  setTimeout(tick, DELTA_COALESCE_MS);
}

function tick() {
  ticking = false;
  try {
    // Each pane leaves the set before its text is emitted, so text pushed while emitting is held anew.
    for (const pane of held) {
      held.delete(pane);
      const { text } = pane;
      pane.text = "";
      pane.emit(text);
    }
  } finally {
    // Should an emit throw, the panes after it keep their text for the next tick.
    if (held.size > 0) schedule();
  }
}

export function coalesceDeltas(emit: (text: string) => void) {
  const pane: HeldText = { text: "", emit };
  let sentFirst = false;
  return {
    push(text: string) {
      if (!sentFirst) {
        sentFirst = true;
        emit(text);
        return;
      }
      pane.text += text;
      held.add(pane);
      schedule();
    },
    /** Sends what the pane holds now (its answer ended). */
    flush() {
      if (!held.delete(pane)) return;
      const { text } = pane;
      pane.text = "";
      emit(text);
    },
  };
}
