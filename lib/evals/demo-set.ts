import { z } from "zod";
import { getDb } from "@/db/client";
import { getDemoEvalSet, insertEvalSet } from "@/db/queries/evals";
import type { EvalSet } from "@/db/schema";
import demoSet from "./data/demo-set.json";
import { evalCaseSchema } from "./schema";
import { toCaseFields } from "./sets";

const demoSetSchema = z.object({
  name: z.string(),
  description: z.string(),
  cases: z.array(evalCaseSchema),
});

/** The demo set, written on first use; later calls return the same set. */
export async function ensureDemoEvalSet(): Promise<EvalSet> {
  const db = await getDb();
  const existing = await getDemoEvalSet({ db });
  if (existing) return existing;
  const data = demoSetSchema.parse(demoSet);
  return insertEvalSet({
    db,
    set: { name: data.name, description: data.description, demo: true },
    cases: data.cases.map(toCaseFields),
  });
}
