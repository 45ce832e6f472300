export { MAX_IMPORT_BYTES, MAX_IMPORT_CASES, toJsonl } from "./cases";
export { parseCsv } from "./csv";
export { parseJsonl } from "./jsonl";
export { parsePromptfooYaml } from "./promptfoo";
export { casesFromSessions, type SessionForImport } from "./sessions";
