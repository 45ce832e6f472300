"use client";

import { Chip, ControlGroup } from "@/components/ui/chart-parts";
import { ratioLabel } from "@/lib/catalog/views/charts";
import { useChartParams } from "./use-chart-params";

const RATIO_PRESETS = ["3:1", "1:1", "1:3", "10:1"] as const;

/** The input:output weighting used by every blended price on the page. */
export function RatioPicker({ ratio }: { ratio: [number, number] }) {
  const { update, pending } = useChartParams();
  const current = ratioLabel(ratio);
  return (
    <div className={pending ? "opacity-60" : ""}>
      <ControlGroup label="Blend input:output">
        {RATIO_PRESETS.map((preset) => (
          <Chip
            key={preset}
            on={preset === current}
            testId={`ratio-${preset.replace(":", "-")}`}
            onClick={() => update({ ratio: preset === "3:1" ? null : preset })}
          >
            {preset}
          </Chip>
        ))}
      </ControlGroup>
    </div>
  );
}
