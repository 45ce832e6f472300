import { formatDate, formatPerMTok, formatTokens } from "@/lib/format";

/** Shared cell renderers: unknown is always visibly "unknown", never blank or zero. */
export function Unknown({ label = "unknown" }: { label?: string }) {
  return <span className="text-xs italic text-muted">{label}</span>;
}

export function PriceCell({ value }: { value: string | null }) {
  if (value === null) return <Unknown />;
  if (/^0(\.0+)?$/.test(value))
    return <span className="font-medium text-emerald-700 dark:text-emerald-400">free</span>;
  return <span className="tabular">{formatPerMTok(value)}</span>;
}

export function TokensCell({ value }: { value: number | null }) {
  return value === null ? <Unknown /> : <span className="tabular">{formatTokens(value)}</span>;
}

export function DateCell({ value }: { value: string | null }) {
  return value === null ? <Unknown /> : <span className="tabular">{formatDate(value)}</span>;
}

export function BoolCell({ value, label }: { value: boolean | null; label: string }) {
  if (value === null)
    return (
      <span title={`${label}: unknown`} className="text-muted">
        ?
      </span>
    );
  return value ? (
    <span title={`${label}: yes`} className="text-emerald-600 dark:text-emerald-400">
      ✓
    </span>
  ) : (
    <span title={`${label}: no`} className="text-zinc-300 dark:text-zinc-600">
      –
    </span>
  );
}

const MODALITY_SHORT: Record<string, string> = {
  text: "Text",
  image: "Image",
  audio: "Audio",
  video: "Video",
  pdf: "PDF",
};

export function ModalitiesCell({ input, output }: { input: string[] | null; output: string[] | null }) {
  if (input === null && output === null) return <Unknown />;
  const render = (list: string[] | null) =>
    list === null ? "?" : list.map((modality) => MODALITY_SHORT[modality] ?? modality).join(", ");
  return (
    <span
      className="text-xs text-zinc-600 dark:text-zinc-300"
      title={`in: ${render(input)} → out: ${render(output)}`}
    >
      {render(input)} <span className="text-muted">→</span> {render(output)}
    </span>
  );
}
