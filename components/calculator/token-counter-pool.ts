import type { CountTask, TokenCountReply, TokenCountRequest, TokenCounts } from "./token-count-types";

/** Below this a text is counted by one worker: a second worker would cost more to start than it saves. */
const SPLIT_MIN_CHARS = 50_000;
/** Each worker keeps its own copy of the encodings (about 30 MB for both), so two at the most. */
const MAX_WORKERS = 2;

type Answer = Exclude<TokenCountReply, { error: string }>;
interface Waiting {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

const sum = (answers: Answer[], field: "tokens" | "characters" | "words") =>
  answers.reduce((total, answer) => total + (answer[field] ?? 0), 0);

/**
 * The token-counter workers, started when first needed: the second only for a large text. Every worker
 * is handed the whole text once and works out its own share (lib/token-split workerParts), so the
 * page's thread does no cutting; the text is counted one task at a time (o200k,
 * cl100k, then characters and words), each task in all workers at once. So every figure is a
 * wall-clock time on the page that includes handing the text over, sharing it out and collecting the
 * answers.
 */
export class TokenCounterPool {
  private workers: (Worker | undefined)[] = [];
  /** The id of the text last handed to each worker. */
  private readonly textSent: (number | undefined)[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private nextRequestId = 1;

  /**
   * Counts `text`, calling `publish` as each figure comes in. Stops early, publishing nothing more, once
   * `isCurrent` says a newer text has replaced this one.
   */
  async count(
    id: number,
    text: string,
    isCurrent: () => boolean,
    publish: (counts: TokenCounts) => void,
  ): Promise<void> {
    const started = performance.now();
    const workers = text.length < SPLIT_MIN_CHARS ? 1 : MAX_WORKERS;
    const o200kAnswers = await this.run("o200k_base", id, workers, text);
    const o200k = sum(o200kAnswers, "tokens");
    const o200kDone = performance.now();
    if (!isCurrent()) return;
    // The next task goes out before the page re-renders, so rendering never delays it.
    const cl100kAnswers = this.run("cl100k_base", id, workers, text);
    let counts: TokenCounts = {
      id,
      done: false,
      o200k,
      cl100k: null,
      characters: null,
      words: null,
      o200kMs: o200kDone - started,
      cl100kMs: null,
      totalMs: null,
      workers: Math.max(1, o200kAnswers.filter((answer) => answer.shareChars > 0).length),
    };
    publish(counts);
    const cl100k = sum(await cl100kAnswers, "tokens");
    const cl100kDone = performance.now();
    if (!isCurrent()) return;
    const textAnswers = this.run("characters-and-words", id, workers, text);
    counts = { ...counts, cl100k, cl100kMs: cl100kDone - o200kDone };
    publish(counts);
    const answers = await textAnswers;
    if (!isCurrent()) return;
    publish({
      ...counts,
      done: true,
      characters: sum(answers, "characters"),
      words: sum(answers, "words"),
      totalMs: performance.now() - started,
    });
  }

  terminate() {
    for (const worker of this.workers) worker?.terminate();
    this.workers = [];
    this.textSent.length = 0;
    this.failWaiting(new Error("The token counter was stopped."));
  }

  /**
   * One task in `workers` workers at once, each on its own share of text `textId`. The text goes to a
   * worker only when that worker has not been sent it yet (a worker started again after a failure has
   * not), and a worker keeps its share for the later tasks about the same text.
   */
  private run(task: CountTask, textId: number, workers: number, text: string): Promise<Answer[]> {
    return Promise.all(
      Array.from({ length: workers }, (_, share) => {
        const handedOver = this.textSent[share] === textId && this.workers[share] !== undefined;
        this.textSent[share] = textId;
        return this.request(share, {
          task,
          textId,
          text: handedOver ? undefined : text,
          share,
          of: workers,
        });
      }),
    );
  }

  private request(workerIndex: number, fields: Omit<TokenCountRequest, "requestId">): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const requestId = this.nextRequestId++;
      this.waiting.set(requestId, { resolve, reject });
      this.worker(workerIndex).postMessage({ requestId, ...fields } satisfies TokenCountRequest);
    });
  }

  private worker(index: number): Worker {
    const existing = this.workers[index];
    if (existing) return existing;
    const worker = new Worker(new URL("./token-counter.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<TokenCountReply>) => {
      const reply = event.data;
      const waiting = this.waiting.get(reply.requestId);
      this.waiting.delete(reply.requestId);
      if ("error" in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply);
    };
    worker.onerror = (event) => {
      // A worker that failed to load answers nothing more: drop it, so the next text starts a new one.
      worker.terminate();
      this.workers[index] = undefined;
      this.textSent[index] = undefined;
      this.failWaiting(new Error(event.message || "The token counter failed to start."));
    };
    this.workers[index] = worker;
    return worker;
  }

  private failWaiting(error: Error) {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
