"use client";

import { useRouter } from "next/navigation";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import {
  axisProps,
  barCursor,
  ChartCard,
  ChartEmpty,
  Chip,
  ControlGroup,
  HorizontalBarFrame,
  shortenLabel,
  TooltipBox,
} from "@/components/ui/chart-parts";
import { Checkbox } from "@/components/ui/checkbox";
import {
  type ChartsState,
  type CheapestData,
  type CheapestRow,
  MIN_CONTEXT_TOKENS,
  REQUIREMENTS,
  type Requirement,
  ratioLabel,
} from "@/lib/catalog/views/charts";
import { modelPath } from "@/lib/catalog/views/paths";
import { formatInteger, formatPerMTok, formatTokens } from "@/lib/format";
import { useChartParams } from "./use-chart-params";

const NEED_LABELS: Record<Requirement, string> = {
  tools: "Tool calling",
  reasoning: "Reasoning",
  image: "Image input",
  audio: "Audio input",
  "open-weights": "Open weights",
};
const ROW_HEIGHT_PX = 38;
const NAME_CHARS = 20;

function RowTooltip({ active, payload }: TooltipContentProps) {
  const row = active ? (payload?.[0]?.payload as CheapestRow | undefined) : undefined;
  if (!row) return null;
  return (
    <TooltipBox>
      <p className="font-semibold">{row.name}</p>
      <p className="text-muted">
        {row.providerName} · <span className="font-mono">{row.id}</span>
      </p>
      <p className="mt-1">
        Blended {formatPerMTok(row.blendedPerMTok)} · input {formatPerMTok(row.inputPerMTok)} · output{" "}
        {formatPerMTok(row.outputPerMTok)} per 1M
      </p>
      <p>Context {row.contextTokens === null ? "unknown" : `${formatInteger(row.contextTokens)} tokens`}</p>
    </TooltipBox>
  );
}

/** Y-axis label: the offering as a link, carrying the test hooks for the row it labels. */
function RowTick({ x, y, payload, rows }: YAxisTickContentProps & { rows: CheapestRow[] }) {
  const router = useRouter();
  const row = rows.find((candidate) => candidate.id === payload.value);
  if (!row) return null;
  const [left, top] = [Number(x), Number(y)];
  const href = modelPath(row.id);
  return (
    <a
      href={href}
      data-testid="cheapest-row"
      data-model-id={row.id}
      data-blended-per-mtok={row.blendedPerMTok}
      onClick={(event) => {
        event.preventDefault();
        router.push(href);
      }}
      className="cursor-pointer"
    >
      <title>{`${row.name} (${row.providerName})`}</title>
      <text
        x={left - 6}
        y={top - 3}
        textAnchor="end"
        fontSize={12}
        className="fill-zinc-800 hover:fill-accent-600 dark:fill-zinc-200"
      >
        {shortenLabel(row.name, NAME_CHARS)}
      </text>
      <text x={left - 6} y={top + 11} textAnchor="end" fontSize={10} fill="currentColor">
        {shortenLabel(row.providerName, NAME_CHARS + 4)}
      </text>
    </a>
  );
}

export function CheapestChart({
  state,
  data,
  className,
}: {
  state: ChartsState;
  data: CheapestData;
  className?: string;
}) {
  const router = useRouter();
  const { update, toggle, pending } = useChartParams();
  const controls = (
    <>
      <ControlGroup label="Must have">
        {REQUIREMENTS.map((need) => (
          <Chip
            key={need}
            on={state.needs.includes(need)}
            testId={`cheapest-need-${need}`}
            onClick={() => toggle("need", need)}
          >
            {NEED_LABELS[need]}
          </Chip>
        ))}
      </ControlGroup>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <ControlGroup label="Context">
          {[null, ...MIN_CONTEXT_TOKENS].map((tokens) => (
            <Chip
              key={tokens ?? "any"}
              on={state.minContextTokens === tokens}
              testId={`cheapest-context-${tokens ?? "any"}`}
              onClick={() => update({ minContext: tokens === null ? null : String(tokens) })}
            >
              {tokens === null ? "Any" : `≥ ${formatTokens(tokens)}`}
            </Chip>
          ))}
        </ControlGroup>
        <Checkbox
          compact
          data-testid="cheapest-include-free"
          checked={state.includeFree}
          onChange={(event) => update({ free: event.target.checked ? "1" : null })}
        >
          Include free offerings
        </Checkbox>
      </div>
    </>
  );
  const notes = [
    `${formatInteger(data.matchCount)} current offerings with a known price meet these requirements`,
    data.unknownPriceCount > 0
      ? `${formatInteger(data.unknownPriceCount)} more have no known price and are left out`
      : null,
    data.freeCount > 0 && !state.includeFree
      ? `${formatInteger(data.freeCount)} free ($0) offerings are hidden; free tiers are usually rate-limited`
      : null,
  ].filter(Boolean);

  return (
    <ChartCard
      className={className}
      testId="chart-cheapest"
      title="Cheapest offerings with the capabilities you need"
      caption={`The ${data.rows.length || ""} cheapest by blended ${ratioLabel(state.ratio)} price per 1M tokens. Unknown capabilities count as missing; deprecated offerings are left out. Click a bar for the model.`}
      controls={controls}
      pending={pending}
    >
      {data.rows.length === 0 ? (
        <ChartEmpty tall testId="cheapest-empty">
          No current offering with a known price meets all of these requirements.
        </ChartEmpty>
      ) : (
        <HorizontalBarFrame rows={data.rows.length} rowHeightPx={ROW_HEIGHT_PX}>
          <BarChart data={data.rows} layout="vertical" margin={{ top: 4, right: 64, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.18} horizontal={false} />
            <XAxis
              {...axisProps}
              type="number"
              dataKey="blendedValue"
              tickFormatter={(value: number) => `$${value}`}
            />
            <YAxis
              {...axisProps}
              type="category"
              dataKey="id"
              width={176}
              interval={0}
              tick={(props: YAxisTickContentProps) => <RowTick {...props} rows={data.rows} />}
            />
            <Tooltip content={RowTooltip} cursor={barCursor} />
            <Bar
              dataKey="blendedValue"
              className="fill-accent-600 dark:fill-accent-500"
              radius={[0, 3, 3, 0]}
              maxBarSize={22}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(entry: { payload?: CheapestRow }) => {
                if (entry.payload) router.push(modelPath(entry.payload.id));
              }}
            >
              <LabelList
                dataKey="blendedPerMTok"
                position="right"
                fontSize={11}
                fill="currentColor"
                formatter={(value: unknown) => formatPerMTok(String(value))}
              />
            </Bar>
          </BarChart>
        </HorizontalBarFrame>
      )}
      <p className="mt-2 text-xs text-muted" data-testid="cheapest-notes">
        {notes.join(". ")}.
      </p>
    </ChartCard>
  );
}
