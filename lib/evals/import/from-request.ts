import { z } from "zod";
import { getSessionDetail } from "@/lib/history/sessions";
import type { EvalCaseInput } from "../schema";
import { MAX_IMPORT_BYTES, MAX_IMPORT_CASES } from "./cases";
import { parseCsv } from "./csv";
import { parseJsonl } from "./jsonl";
import { parsePromptfooYaml } from "./promptfoo";
import { casesFromSessions } from "./sessions";

/** JSON escaping can double a file's size, so the body cap is twice the file cap; the text is checked on its own. */
export const IMPORT_BODY_MAX_BYTES = MAX_IMPORT_BYTES * 2 + 64 * 1024;

export const importBodySchema = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("csv"),
    text: z.string().min(1, "Paste or upload the CSV"),
    /** The prompt template for a CSV without a prompt column. */
    prompt: z.string().min(1).max(100_000).optional(),
  }),
  z.object({ format: z.literal("jsonl"), text: z.string().min(1, "Paste or upload the JSONL") }),
  z.object({ format: z.literal("promptfoo"), text: z.string().min(1, "Paste or upload the promptfoo YAML") }),
  z.object({
    format: z.literal("sessions"),
    sessionIds: z.array(z.string()).min(1, "Pick at least one session").max(MAX_IMPORT_CASES),
  }),
]);
export type ImportBody = z.infer<typeof importBodySchema>;

/** Parses an import into validated cases; saving them to the set is the caller's step. */
export async function casesFromImport(body: ImportBody): Promise<EvalCaseInput[]> {
  switch (body.format) {
    case "csv":
      return parseCsv(body.text, { prompt: body.prompt });
    case "jsonl":
      return parseJsonl(body.text);
    case "promptfoo":
      return parsePromptfooYaml(body.text);
    case "sessions": {
      const sessions = [];
      for (const id of new Set(body.sessionIds)) sessions.push(await getSessionDetail(id));
      return casesFromSessions(sessions);
    }
  }
}
