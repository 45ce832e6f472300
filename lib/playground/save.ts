import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import {
  insertAnswersWithUsage,
  insertSessionsWithFirstRuns,
  type NewAnswerWithUsage,
  type NewSessionWithFirstRun,
  type SavedAnswer,
  saveRunResult,
} from "@/db/queries/sessions";
import { groupCommit } from "@/lib/group-commit";

/**
 * The playground's two frequent writes, a new session with its first run and a new answer with its
 * usage, go through a group commit: runs that start or end close together share their statements.
 * Measured with 50 streams in flight on the embedded database, where every statement runs on the
 * server's HTTP thread (bench:ttft); see bench/README.md. Everything else a run writes (a turn in an
 * existing session, a retry that replaces an answer) is rarer and written alone.
 */

/** Long enough for the runs that end in the same burst to meet, short beside a model call. */
const GATHER_MS = 10;

interface Writers {
  newSession: (item: NewSessionWithFirstRun) => Promise<void>;
  newAnswer: (item: NewAnswerWithUsage) => Promise<SavedAnswer>;
}

const byDb = new WeakMap<Db, Writers>();

function writersFor(db: Db): Writers {
  let writers = byDb.get(db);
  if (!writers) {
    // The database error itself was logged where it happened (dbError), without the rows.
    const onBatchFailed = (size: number) =>
      console.error(`Could not save ${size} playground rows together; saving each alone.`);
    writers = {
      newSession: groupCommit<NewSessionWithFirstRun, void>(
        async (items) => {
          await insertSessionsWithFirstRuns({ db, items });
          return items.map(() => undefined);
        },
        { gatherMs: GATHER_MS, onBatchFailed },
      ),
      newAnswer: groupCommit((items: NewAnswerWithUsage[]) => insertAnswersWithUsage({ db, items }), {
        gatherMs: GATHER_MS,
        onBatchFailed,
      }),
    };
    byDb.set(db, writers);
  }
  return writers;
}

export function saveNewSession({ db, ...item }: NewSessionWithFirstRun & { db: Db }): Promise<void> {
  return writersFor(db).newSession(item);
}

/**
 * Saves an answer as saveRunResult does; a new one with usage joins the others ending now. Its id is
 * made here, so that if a batch is written again item by item (its reply lost after it committed)
 * the answer and its usage (by the call's id) are found already saved rather than saved twice.
 */
export function saveAnswer(answer: Parameters<typeof saveRunResult>[0]): Promise<SavedAnswer> {
  const { db, usage, replacesId } = answer;
  const result = { ...answer.result, id: answer.result.id ?? randomUUID() };
  if (usage && !replacesId) return writersFor(db).newAnswer({ result, usage });
  return saveRunResult({ ...answer, result });
}
