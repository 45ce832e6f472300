import { describe, expect, it } from "vitest";
import { createOutbox } from "./outbox";
import type { PaneMessage } from "./pane-messages";
import { endedOutcome } from "./stream-model";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createOutbox", () => {
  it("sends what is posted in one go as one batch, in order, and a lone reply as itself", async () => {
    const sent: PaneMessage[] = [];
    const post = createOutbox((message) => sent.push(message));
    post({ id: 1, kind: "delta", text: "a" });
    post({ id: 2, kind: "delta", text: "b" });
    post({ id: 1, kind: "outcome", outcome: endedOutcome({ status: "ok", output: "a" }) });
    expect(sent).toEqual([]);
    await settle();
    expect(sent).toHaveLength(1);
    const [batch] = sent;
    expect(batch?.kind).toBe("batch");
    expect(batch?.kind === "batch" && batch.messages.map((reply) => `${reply.id} ${reply.kind}`)).toEqual([
      "1 delta",
      "2 delta",
      "1 outcome",
    ]);

    post({ id: 2, kind: "delta", text: "c" });
    await settle();
    expect(sent[1]).toEqual({ id: 2, kind: "delta", text: "c" });
  });

  it("keeps a pane's last text before its outcome when they are posted a turn apart", async () => {
    const sent: PaneMessage[] = [];
    const post = createOutbox((message) => sent.push(message));
    post({ id: 7, kind: "delta", text: "last" });
    await Promise.resolve();
    post({ id: 7, kind: "outcome", outcome: endedOutcome({ status: "ok", output: "last" }) });
    await settle();
    const order = sent.flatMap((message) => (message.kind === "batch" ? message.messages : [message]));
    expect(order.map((reply) => reply.kind)).toEqual(["delta", "outcome"]);
  });

  it("fails only the pane whose reply cannot be sent, and still sends the others", async () => {
    const sent: PaneMessage[] = [];
    const post = createOutbox((message) => {
      // As postMessage does with a value it cannot copy to another thread.
      if (JSON.stringify(message).includes("uncopyable")) throw new Error("could not be cloned");
      sent.push(message);
    });
    post({ id: 1, kind: "delta", text: "fine" });
    post({ id: 2, kind: "delta", text: "uncopyable" });
    post({ id: 3, kind: "delta", text: "also fine" });
    await settle();
    expect(sent).toEqual([
      { id: 1, kind: "delta", text: "fine" },
      { id: 2, kind: "failed", message: "could not be cloned" },
      { id: 3, kind: "delta", text: "also fine" },
    ]);
  });
});
