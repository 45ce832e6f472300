import { evalRunSchema, type QualityBar, qualityBarSchema } from "@/lib/calculator/quality-bar";
import { type EstimateRequest, estimateRequestSchema, routeSplitSchema } from "@/lib/calculator/schema";

/**
 * The scenario travels in the URL as `s=`: JSON without default values, deflated and base64url
 * encoded ("z…"), so a three-workload scenario stays a few hundred characters. Browsers without
 * CompressionStream write plain base64url JSON ("j…"); both prefixes are read back.
 */
export const SCENARIO_PARAM = "s";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** Drops what the schema defaults anyway, to keep shared links short. */
function compact(state: EstimateRequest): unknown {
  return JSON.parse(
    JSON.stringify(state, (key, value) => {
      if (value === null || (Array.isArray(value) && value.length === 0)) return undefined;
      if ((key === "batch" || key === "includeDeprecated") && value === false) return undefined;
      if (key === "cachedInputShare" && value === 0) return undefined;
      return value;
    }),
  );
}

export async function encodeScenario(state: EstimateRequest): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(compact(state)));
  if (typeof CompressionStream === "undefined") return `j${toBase64Url(json)}`;
  return `z${toBase64Url(await pipeBytes(json, new CompressionStream("deflate-raw")))}`;
}

/** The scenario in a shared link, or null when the link is damaged or no longer valid. */
export async function decodeScenario(param: string): Promise<EstimateRequest | null> {
  try {
    const bytes = fromBase64Url(param.slice(1));
    const json =
      param[0] === "z"
        ? await pipeBytes(bytes, new DecompressionStream("deflate-raw"))
        : param[0] === "j"
          ? bytes
          : null;
    if (!json) return null;
    return parseScenario(JSON.parse(new TextDecoder().decode(json)));
  } catch {
    return null;
  }
}

/**
 * The URL is written while the user edits, so it can hold a half-made state (a routing mix at 90%,
 * an empty name) that the estimate refuses. Such a state is still restored, as the user left it.
 */
export function parseScenario(raw: unknown): EstimateRequest | null {
  const strict = estimateRequestSchema.safeParse(raw);
  if (strict.success) return strict.data;
  if (typeof raw !== "object" || raw === null || !Array.isArray((raw as { workloads?: unknown }).workloads)) {
    return null;
  }
  const rawWorkloads = (raw as { workloads: Record<string, unknown>[] }).workloads;
  // A bar half typed (a minimum above the source's scale) is dropped rather than losing the scenario.
  const rawBar = (raw as { qualityBar?: unknown }).qualityBar;
  // So is an eval run's evidence that no longer reads, and then its bar with it.
  const rawRun = (raw as { evalRun?: unknown }).evalRun;
  const runReads = evalRunSchema.safeParse(rawRun).success;
  const barReads =
    qualityBarSchema.safeParse(rawBar).success && (runReads || (rawBar as QualityBar).source !== "eval");
  const relaxed = estimateRequestSchema.safeParse({
    ...raw,
    qualityBar: barReads ? rawBar : null,
    evalRun: runReads ? rawRun : null,
    workloads: rawWorkloads.map((workload, index) => ({
      ...workload,
      name:
        typeof workload.name === "string" && workload.name.trim() ? workload.name : `Workload ${index + 1}`,
      routing: undefined,
    })),
  });
  if (!relaxed.success) return null;
  const routings = rawWorkloads.map((workload) => routeSplitSchema.array().safeParse(workload.routing));
  return {
    ...relaxed.data,
    workloads: relaxed.data.workloads.map((workload, index) => {
      const routing = routings[index];
      return routing?.success ? { ...workload, routing: routing.data } : workload;
    }),
  };
}
