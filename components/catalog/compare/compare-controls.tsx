"use client";

import { parseAsString, useQueryState } from "nuqs";
import { Button } from "@/components/ui/button";
import { ModelPicker } from "../model-picker";

// The server reads `ids` with parseCompareIds and draws the table; each change is a history entry.
const IDS_PARAM = parseAsString.withOptions({ shallow: false, history: "push" });

/** Adds and removes models; the comparison lives entirely in the URL, so it can be shared. */
export function CompareControls({ ids, max }: { ids: string[]; max: number }) {
  const [, setIds] = useQueryState("ids", IDS_PARAM);
  const go = (next: string[]) => void setIds(next.length > 0 ? next.join(",") : null);
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="compare-controls">
      <ModelPicker exclude={ids} disabled={ids.length >= max} onPick={(id) => go([...ids, id])} />
      {ids.map((id) => (
        <Button
          key={id}
          variant="remove-pill"
          onClick={() => go(ids.filter((item) => item !== id))}
          data-testid="compare-remove"
          data-model-id={id}
          title={`Remove ${id}`}
        >
          {id} ✕
        </Button>
      ))}
    </div>
  );
}
