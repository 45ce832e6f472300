import { describe, expect, it } from "vitest";
import { encodeEvent, encodeMessage, parseEvents, readEvents, readMessages } from "./sse";

/** A body that arrives in pieces cut at the given byte offsets, as a network read can. */
function bodyInPieces(bytes: Uint8Array, cuts: number[]): ReadableStream<Uint8Array> {
  const bounds = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let at = 1; at < bounds.length; at++) controller.enqueue(bytes.slice(bounds[at - 1], bounds[at]));
      controller.close();
    },
  });
}

describe("the server-sent-events codec", () => {
  it("writes a message's event name, id and every data line, and reads them back", async () => {
    const text = encodeMessage({ event: "content_block_delta", id: "7", data: 'first line\n{"second":2}' });
    expect(text).toBe('event: content_block_delta\nid: 7\ndata: first line\ndata: {"second":2}\n\n');
    const read: { event?: string; id?: string; data: string }[] = [];
    await readMessages(bodyInPieces(new TextEncoder().encode(text), [3, 20]), (message) =>
      read.push(message),
    );
    expect(read).toEqual([{ event: "content_block_delta", id: "7", data: 'first line\n{"second":2}' }]);
  });

  it("keeps data with carriage returns, and refuses an event name or id that would break the framing", () => {
    const text = encodeMessage({ data: "one\r\ntwo\rthree" });
    expect(text).toBe("data: one\ndata: two\ndata: three\n\n");
    expect(() => encodeMessage({ event: "a\nb", data: "x" })).toThrow(/line end/);
    expect(() => encodeMessage({ id: "1\r", data: "x" })).toThrow(/line end/);
  });

  it("reads JSON events whose bytes are split anywhere, including inside a multi-byte character", async () => {
    const events = [
      { type: "delta", text: "naïve café ☕" },
      { type: "finish", ttftMs: 12.5 },
    ];
    const bytes = new Uint8Array(events.flatMap((event) => [...encodeEvent(event)]));
    const coffee = new TextEncoder().encode('data: {"type":"delta","text":"naïve café ').length + 1;
    for (const cuts of [[], [1], [coffee], [5, coffee, bytes.length - 2]]) {
      const read: unknown[] = [];
      await readEvents(bodyInPieces(bytes, cuts), (event) => read.push(event));
      expect(read).toEqual(events);
    }
    expect(parseEvents(new TextDecoder().decode(bytes))).toEqual(events);
  });
});
