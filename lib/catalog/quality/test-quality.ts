import type { QualityScoreRow } from "@/db/schema";
import { type ModelQuality, summarizeQuality } from "./read";
import { loadQualityFile, planQualityRows } from "./store";

/** The committed scores summarised as the app serves them, without a database, for unit tests. */
export function bundledQuality(modelIds: ReadonlySet<string>): Map<string, ModelQuality> {
  const { rows } = planQualityRows(loadQualityFile().scores, modelIds);
  return summarizeQuality(
    rows.map((row, index) => ({ ...row, id: index + 1, observedAt: new Date(0) }) as QualityScoreRow),
  );
}
