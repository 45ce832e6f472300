import type { ReactNode } from "react";
import { Button } from "./button";
import { ErrorNote } from "./error-note";

/**
 * Asking before something is deleted for good: what goes with it, the button that deletes it (busy
 * while the request is out) and Cancel; a failed delete says why and leaves everything as it was.
 */
export function ConfirmDelete({
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
  testId,
  confirmTestId,
}: {
  /** The question, naming what is deleted and what goes with it. */
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  confirmTestId?: string;
}) {
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50/60 px-3 py-2 text-sm dark:border-red-900 dark:bg-red-950/30"
      data-testid={testId}
    >
      <p>{children}</p>
      <div className="flex gap-2">
        <Button variant="danger" size="sm" data-testid={confirmTestId} disabled={pending} onClick={onConfirm}>
          {pending ? "Deleting…" : confirmLabel}
        </Button>
        <Button size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
      {error ? <ErrorNote message={error} /> : null}
    </div>
  );
}
