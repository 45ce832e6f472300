import { type CatalogData, getCatalog } from "@/lib/catalog/read/served";
import { AppError, type Surface } from "@/lib/errors";
import { describeModelId, type ResolvedModelInfo } from "@/lib/providers/registry";
import { type MeteredCall, meterOutcome } from "./meter";
import { streamOnThread } from "./pane-host";
import type { StreamCallbacks, StreamOutcome, StreamSettings } from "./stream-model";

/**
 * The one run engine: every model call of the product (a playground pane, an eval answer, a judge
 * verdict) goes through here. It streams on the streaming thread with the engine's retries,
 * timeouts and abort, then meters the call at the catalog price.
 */
export async function callModel({
  info,
  catalog,
  settings,
  signal,
  callbacks,
}: {
  info: ResolvedModelInfo;
  catalog: CatalogData;
  settings: StreamSettings;
  signal: AbortSignal;
  /** Without them (evals, judges), the answer's text comes only in the outcome, and no delta crosses threads. */
  callbacks?: StreamCallbacks;
}): Promise<{ outcome: StreamOutcome; metered: MeteredCall }> {
  const outcome = await streamOnThread(
    { modelId: info.id, settings, deltas: callbacks !== undefined },
    signal,
    callbacks ?? { onDelta: () => {} },
  );
  const promptText = [settings.system ?? "", ...settings.messages.map((message) => message.content)].join(
    "\n",
  );
  const metered = await meterOutcome({ info, catalog, promptText, outcome });
  return { outcome, metered };
}

/** Rejects ids no provider serves before anything starts, naming each one under `field`. */
export async function resolveModels(
  ids: readonly string[],
  { surface, field }: { surface: Surface; field: string },
): Promise<{ infos: Map<string, ResolvedModelInfo>; catalog: CatalogData }> {
  const catalog = await getCatalog();
  const resolved = new Map<string, ResolvedModelInfo>();
  const unknown: string[] = [];
  for (const id of ids) {
    const info = describeModelId(id);
    if (!info || (info.kind === "catalog" && !catalog.byId.has(id))) unknown.push(id);
    else resolved.set(id, info);
  }
  if (unknown.length > 0) {
    throw new AppError(
      `bad_request:${surface}`,
      `Unknown model${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Pick models from GET /api/playground/models.`,
      {
        details: {
          fieldErrors: { [field]: unknown.map((id) => `"${id}" is not a model the playground can call`) },
        },
      },
    );
  }
  return { infos: resolved, catalog };
}
