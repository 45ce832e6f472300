import type { ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Scenario } from "./scenario";
import type { Dialect, FinishKind, RecordedRequest, ReplyContext, UsageCounts } from "./types";

export type ReplyPlan = {
  res: ServerResponse;
  dialect: Dialect;
  context: ReplyContext;
  scenario: Scenario;
  tokens: string[];
  finish: FinishKind;
  inputTokens: number;
  record: RecordedRequest;
  /** performance.now() when the request body had arrived; every deadline is measured from here. */
  startedAtMs: number;
};

function usageAfter(plan: ReplyPlan, tokensSent: number): UsageCounts {
  return {
    inputTokens: plan.inputTokens,
    cachedInputTokens: Math.min(plan.scenario.cachedInputTokens, plan.inputTokens),
    outputTokens: tokensSent,
    reasoningTokens: plan.scenario.reasoningTokens,
  };
}

function elapsedMs(plan: ReplyPlan): number {
  return Math.round((performance.now() - plan.startedAtMs) * 10) / 10;
}

function endRecord(plan: ReplyPlan, outcome: RecordedRequest["outcome"]): void {
  plan.record.outcome = outcome;
  plan.record.endedAfterMs = elapsedMs(plan);
}

/**
 * Streams tokens on a schedule computed from the start time (token i is due at ttft + i / rate), so a
 * late timer makes the next gap shorter instead of shifting every later token.
 */
export function streamReply(plan: ReplyPlan): void {
  const { res, scenario, tokens, record } = plan;
  const encoder = plan.dialect.encoder(plan.context);
  const intervalMs = 1000 / scenario.tokensPerSecond;
  const dueAtMs = (index: number) => plan.startedAtMs + scenario.ttftMs + index * intervalMs;
  let sent = 0;
  let started = false;
  let done = false;
  let timer: NodeJS.Timeout | undefined;

  res.on("close", () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    endRecord(plan, "aborted");
  });

  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-request-id": plan.context.responseId,
  });
  res.flushHeaders();

  const stop = (outcome: RecordedRequest["outcome"]) => {
    done = true;
    endRecord(plan, outcome);
  };

  // Returns true when a fault knob fired at this position and the stream must not continue normally.
  const fireFault = (wire: string): boolean => {
    if (sent === scenario.malformedAfterTokens) {
      stop("malformed");
      res.end(wire + encoder.malformed());
      return true;
    }
    if (sent === scenario.disconnectAfterTokens) {
      stop("disconnected");
      // Destroy only after the tokens so far reached the socket, so the client sees partial text first.
      res.write(wire, () => res.socket?.destroy());
      return true;
    }
    if (sent === scenario.hangAfterTokens) {
      // Keep `done` false: a client that gives up later is still recorded as aborted.
      record.outcome = "hanging";
      if (wire) res.write(wire);
      return true;
    }
    return false;
  };

  const tick = () => {
    if (done) return;
    let wire = "";
    if (!started) {
      started = true;
      wire += encoder.start(usageAfter(plan, 0));
    }
    const nowMs = performance.now();
    // No early tolerance: Node timers can fire a fraction of a ms early, and TTFT must never undershoot.
    while (sent < tokens.length && dueAtMs(sent) <= nowMs) {
      if (fireFault(wire)) return;
      wire += encoder.token(tokens[sent] ?? "", usageAfter(plan, sent + 1));
      sent++;
      record.tokensSent = sent;
      record.firstTokenAfterMs ??= elapsedMs(plan);
    }
    if (sent < tokens.length) {
      res.write(wire);
      timer = setTimeout(tick, Math.max(0, dueAtMs(sent) - performance.now()));
      return;
    }
    if (fireFault(wire)) return;
    stop("completed");
    res.end(wire + encoder.finish(usageAfter(plan, sent), plan.finish));
  };

  timer = setTimeout(tick, Math.max(0, dueAtMs(0) - performance.now()));
}

/** Non-streaming reply: the whole body after the time the stream would have taken. */
export function completeReply(plan: ReplyPlan): void {
  const { res, scenario, tokens, record } = plan;
  const faultAt = Math.min(
    scenario.malformedAfterTokens ?? Number.POSITIVE_INFINITY,
    scenario.disconnectAfterTokens ?? Number.POSITIVE_INFINITY,
    scenario.hangAfterTokens ?? Number.POSITIVE_INFINITY,
  );
  const tokensBeforeEnd = Math.min(tokens.length, faultAt);
  const delayMs = scenario.ttftMs + (tokensBeforeEnd * 1000) / scenario.tokensPerSecond;
  let done = false;
  const timer = setTimeout(() => {
    if (faultAt <= tokens.length) {
      if (faultAt === scenario.hangAfterTokens) {
        record.outcome = "hanging";
        return;
      }
      done = true;
      if (faultAt === scenario.disconnectAfterTokens) {
        endRecord(plan, "disconnected");
        res.socket?.destroy();
        return;
      }
      endRecord(plan, "malformed");
      res.writeHead(200, { "content-type": "application/json" }).end('{"id":"broken","choices":[{');
      return;
    }
    done = true;
    record.tokensSent = tokens.length;
    endRecord(plan, "completed");
    record.firstTokenAfterMs = record.endedAfterMs;
    const body = plan.dialect.completion(
      plan.context,
      tokens.join(""),
      usageAfter(plan, tokens.length),
      plan.finish,
    );
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  }, delayMs);
  res.on("close", () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    endRecord(plan, "aborted");
  });
}
