import type { PaneMessage, PaneReply } from "./pane-messages";

/**
 * What the streaming thread posts in one go (every pane's text of a clock tick, see coalesce.ts) goes
 * to the HTTP thread as one message: a message between threads costs both of them a wake-up and a
 * copy, whatever it holds. Replies posted before the next microtask are sent together, in the order
 * they were posted, so a pane's last text always comes before its outcome. A batch that cannot be
 * copied to the other thread is sent reply by reply, and a reply that cannot be is replaced by a
 * "failed" one for its pane, so one pane's bad reply fails that pane only.
 */
export function createOutbox(send: (message: PaneMessage) => void): (reply: PaneReply) => void {
  const outbox: PaneReply[] = [];

  const sendEach = (replies: PaneReply[]) => {
    for (const reply of replies) {
      try {
        send(reply);
      } catch (error) {
        send({ id: reply.id, kind: "failed", message: (error as Error)?.message ?? String(error) });
      }
    }
  };

  const flush = () => {
    const replies = outbox.splice(0);
    if (replies.length === 1) return sendEach(replies);
    try {
      send({ id: 0, kind: "batch", messages: replies });
    } catch {
      sendEach(replies);
    }
  };

  return (reply) => {
    if (outbox.push(reply) === 1) queueMicrotask(flush);
  };
}
