import { createParser, type EventSourceMessage } from "eventsource-parser";
import { EventSourceParserStream } from "eventsource-parser/stream";

/**
 * The one server-sent-events codec, on eventsource-parser. The playground's stream
 * (POST /api/playground/runs) is one JSON `data` line per event: the route writes with `encodeEvent`;
 * the playground, the tests and the benches read with `readEvents` or `parseEvents`, so both ends agree
 * on framing. The stream tap re-frames a provider's events with `encodeMessage`.
 */

const encoder = new TextEncoder();

const LINE_END = /\r\n|\r|\n/;

/**
 * One message as server-sent-event text: its event name and id if any, each data line, a blank line.
 * Data may span lines (any of the three line ends the format knows); an event name or id cannot.
 */
export function encodeMessage(
  message: Pick<EventSourceMessage, "data"> & Partial<EventSourceMessage>,
): string {
  for (const field of [message.event, message.id]) {
    if (field !== undefined && LINE_END.test(field)) {
      throw new Error("An SSE event name or id cannot hold a line end.");
    }
  }
  let text = message.event ? `event: ${message.event}\n` : "";
  if (message.id !== undefined) text += `id: ${message.id}\n`;
  for (const line of message.data.split(LINE_END)) text += `data: ${line}\n`;
  return `${text}\n`;
}

/** A value as one event whose data is its JSON. */
export function encodeEvent(value: unknown): Uint8Array {
  return encoder.encode(encodeMessage({ data: JSON.stringify(value) }));
}

/** Calls `onMessage` with each message of a streamed body as it arrives; resolves when the body ends. */
export async function readMessages(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: EventSourceMessage) => void,
): Promise<void> {
  const reader = body
    // The DOM typings take BufferSource in, which a Uint8Array of any buffer is.
    .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onMessage(value);
  }
}

/** Calls `onEvent` with each event's JSON data of a streamed body as it arrives; resolves when it ends. */
export function readEvents<T>(body: ReadableStream<Uint8Array>, onEvent: (event: T) => void): Promise<void> {
  return readMessages(body, (message) => onEvent(JSON.parse(message.data) as T));
}

/** The events of a body already read as text. */
export function parseEvents<T>(text: string): T[] {
  const events: T[] = [];
  const parser = createParser({ onEvent: (event) => events.push(JSON.parse(event.data) as T) });
  parser.feed(text);
  return events;
}
