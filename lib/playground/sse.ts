import { createParser } from "eventsource-parser";
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { PlaygroundEvent } from "./schema";

/**
 * The wire format of POST /api/playground/runs: server-sent events, one JSON `data` line per event. The
 * route writes with `encodeEvent`; the playground and the tests read with `readEvents` or
 * `parseEvents`, all through eventsource-parser, so both ends agree on framing.
 */

const encoder = new TextEncoder();

export function encodeEvent(event: PlaygroundEvent): Uint8Array {
  return encoder.encode(`data: ${JSON.stringify(event)}\n\n`);
}

/** Calls `onEvent` with each event of a streamed body as it arrives; resolves when the body ends. */
export async function readEvents<T = PlaygroundEvent>(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: T) => void,
): Promise<void> {
  const reader = body
    // The DOM typings take BufferSource in, which a Uint8Array of any buffer is.
    .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onEvent(JSON.parse(value.data) as T);
  }
}

/** The events of a body already read as text. */
export function parseEvents<T = PlaygroundEvent>(text: string): T[] {
  const events: T[] = [];
  const parser = createParser({ onEvent: (event) => events.push(JSON.parse(event.data) as T) });
  parser.feed(text);
  return events;
}
