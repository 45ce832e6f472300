import "server-only";
import type { Db } from "@/db/client";
import { listEvalResultFiguresByRun } from "@/db/queries/evals";
import { type AnswerFigures, answerFigures } from "./summary";

/**
 * The figures of the runs whose summary is read a page at a time (a live view's polls, a run of more
 * than one page), kept between reads so that a read asks only for the answers written since the last.
 * A live view asks for a run's summary every 1.5 s; reading every answer's figures for it cost ~60 ms
 * of server time at 3,000 answers (bench:matrix), on the cores the run's own calls share. Answers are
 * never changed once written, and a run's become visible in id order (they are written under its row
 * lock), so what was read stays true and the answers after the newest id read are all that is new.
 * Each instance keeps its own, for the last KEPT_RUNS runs read (at most about 3 MB a run of 2,000
 * cases × 6 models); past that many at once, a run's figures are read whole again. A deleted run is
 * refused before its figures are asked for, and drops out as other runs are read.
 */
const KEPT_RUNS = 16;

interface Kept {
  newestId: number;
  figures: AnswerFigures[];
}

const kept = new Map<string, Kept>();

/** The run's answer figures, oldest first; kept for the next read, so not to be changed. */
export async function runFigures(db: Db, runId: string): Promise<readonly AnswerFigures[]> {
  const entry = kept.get(runId) ?? { newestId: 0, figures: [] };
  const fresh = await listEvalResultFiguresByRun({ db, runId, afterId: entry.newestId });
  // Two polls at once read overlapping answers; the one that lands second adds only what is newer.
  for (const result of fresh) {
    if (result.id <= entry.newestId) continue;
    entry.figures.push(answerFigures(result));
    entry.newestId = result.id;
  }
  // Most recently followed last, so the first is the one followed longest ago.
  kept.delete(runId);
  kept.set(runId, entry);
  if (kept.size > KEPT_RUNS) kept.delete(kept.keys().next().value as string);
  return entry.figures;
}
