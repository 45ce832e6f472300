import { formatPerMTok, formatTokens, UNKNOWN } from "@/lib/format";
import type { EditorialNote } from "../read/detail";

/** Headlines and grouping for the guides' facts on detail and compare pages. */

export const NOTE_GROUPS = [
  {
    id: "advice",
    label: "Strengths and when to use",
    kinds: ["note:strength", "note:when-to-use", "recommendation"],
  },
  {
    id: "cautions",
    label: "Weaknesses and when not to use",
    kinds: ["note:weakness", "note:when-not-to-use", "note:caveat"],
  },
  {
    id: "numbers",
    label: "Numbers the guides give",
    kinds: ["price", "context-window", "latency", "benchmark"],
  },
  {
    id: "capabilities",
    label: "Multimodal, tools and quality",
    kinds: ["modalities", "note:multimodal", "note:tool-use", "note:quality", "note:context", "tag"],
  },
  {
    id: "operations",
    label: "Reliability, hosting, free tiers and SDKs",
    kinds: [
      "note:reliability",
      "note:hosting",
      "note:latency",
      "note:rate-limits",
      "note:ecosystem",
      "note:pricing",
      "free-tier",
      "sdk",
      "lineup",
    ],
  },
] as const;

export function groupKey(note: Pick<EditorialNote, "kind" | "data">): string {
  return note.kind === "note" ? `note:${String(note.data.topic ?? "")}` : note.kind;
}

export function groupOf(note: Pick<EditorialNote, "kind" | "data">): string {
  const key = groupKey(note);
  return NOTE_GROUPS.find((group) => (group.kinds as readonly string[]).includes(key))?.id ?? "operations";
}

const str = (value: unknown) => (typeof value === "string" ? value : null);
const num = (value: unknown) => (typeof value === "number" ? value : null);

/** One line saying what the fact states, in product words; the quote stays available beside it. */
export function headline(note: Pick<EditorialNote, "kind" | "data" | "quote">): string {
  const { data } = note;
  switch (note.kind) {
    case "price": {
      const price = (data.price ?? {}) as Record<string, string>;
      if (price.shape === "input-range") {
        return `Input ${formatPerMTok(price.inputPerMTokMin)}–${formatPerMTok(price.inputPerMTokMax)} per 1M tokens`;
      }
      const output = price.outputPerMTok ? ` · output ${formatPerMTok(price.outputPerMTok)}` : "";
      return `Input ${formatPerMTok(price.inputPerMTok ?? null)}${output} per 1M tokens`;
    }
    case "context-window":
      return `Context window ${formatTokens(num(data.contextTokens))} tokens${data.qualifier === "up-to" ? " (up to)" : ""}`;
    case "latency":
      return str(data.summary) ?? "Latency";
    case "benchmark":
      return `${str(data.benchmarkLabel) ?? "Benchmark"}: ${num(data.scorePercent) === null ? UNKNOWN : `${num(data.scorePercent)}%`}`;
    case "note":
      return str(data.text) ?? note.quote;
    case "modalities":
      return `Input: ${((data.inputModalities as string[]) ?? []).join(", ") || "not stated"}${
        ((data.unsupportedModalities as string[]) ?? []).length > 0
          ? ` · not supported: ${(data.unsupportedModalities as string[]).join(", ")}`
          : ""
      }`;
    case "lineup":
      return `${data.role === "flagship" ? "Flagship" : "Budget"} model of its provider`;
    case "free-tier":
      return str(data.summary) ?? "Free tier";
    case "sdk":
      return `SDKs: ${((data.sdks as string[]) ?? []).join(", ")}`;
    case "tag":
      return `${data.polarity === "negative" ? "Caution" : "Tagged"}: ${String(data.tag ?? "").replace(/-/g, " ")}`;
    case "recommendation":
      return `${String(data.rank ?? "")} for ${String(data.topic ?? "").replace(/-/g, " ")}: ${str(data.reason) ?? ""}`;
    default:
      return note.quote;
  }
}
