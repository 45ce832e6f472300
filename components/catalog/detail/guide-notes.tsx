import type { GuideConflict } from "@/lib/catalog/guides";
import { guideName, guideTitle } from "@/lib/catalog/guides/sources";
import type { EditorialNote } from "@/lib/catalog/read/detail";
import { groupOf, headline, NOTE_GROUPS } from "@/lib/catalog/views/guide-notes";
import { formatDate } from "@/lib/format";

const SHOWN_PER_GROUP = 5;

function renderNote(note: EditorialNote) {
  return (
    <li key={note.id} className="text-sm" data-testid="guide-note" data-kind={note.kind}>
      <div>{headline(note)}</div>
      <div className="mt-0.5 text-xs text-muted">
        <q className="italic">{note.quote}</q> ·{" "}
        <span title={guideTitle(note.source)} className="underline decoration-dotted">
          {guideName(note.source)}
        </span>
        , {formatDate(note.sourceDate)}
        {note.data.model === null ? ` · about ${note.subject} as a whole` : ""}
      </div>
    </li>
  );
}

/** The buying guides' notes on this model and its provider, each with its guide and date. */
export function GuideNotes({
  notes,
  conflicts,
}: {
  notes: readonly EditorialNote[];
  conflicts: readonly GuideConflict[];
}) {
  // Tags feed the wizard; here they read better as one line of chips than as dozens of notes.
  const tags = [
    ...new Map(
      notes
        .filter((note) => note.kind === "tag")
        .map((note) => [`${note.data.tag}-${note.data.polarity}`, note]),
    ).values(),
  ];
  const rest = notes.filter((note) => note.kind !== "tag");
  if (notes.length === 0) {
    return (
      <p className="text-sm text-muted">The buying guides say nothing about this model or its provider.</p>
    );
  }
  return (
    <div className="space-y-5" data-testid="guide-notes">
      {conflicts.length > 0 ? (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
          data-testid="guide-conflicts"
        >
          <h3 className="font-medium">The guides disagree</h3>
          <ul className="mt-1 space-y-1 text-xs">
            {conflicts.map((conflict) => (
              <li key={`${conflict.attribute}-${conflict.model}`}>
                {conflict.attribute.replace(/-/g, " ")}:{" "}
                {conflict.observations
                  .map(
                    (observation) =>
                      `${observation.value} (${guideName(observation.source)}, ${formatDate(observation.sourceDate)})`,
                  )
                  .join(" vs ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {tags.length > 0 ? (
        <div className="flex flex-wrap items-center gap-1.5" data-testid="guide-tags">
          <span className="text-xs font-semibold uppercase tracking-wide text-muted">
            Tagged by the guides
          </span>
          {tags.map((tag) => (
            <span
              key={tag.id}
              title={`"${tag.quote}" · ${guideName(tag.source)}, ${formatDate(tag.sourceDate)}`}
              className={`rounded-full px-2 py-0.5 text-xs ${
                tag.data.polarity === "negative"
                  ? "bg-rose-100 text-rose-800 dark:bg-rose-900/40 dark:text-rose-200"
                  : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
              }`}
            >
              {String(tag.data.tag).replace(/-/g, " ")}
            </span>
          ))}
        </div>
      ) : null}
      {NOTE_GROUPS.map((group) => {
        const items = rest.filter((note) => groupOf(note) === group.id);
        if (items.length === 0) return null;
        return (
          <section key={group.id}>
            <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">
              {group.label} <span className="font-normal">({items.length})</span>
            </h3>
            <ul className="space-y-2">{items.slice(0, SHOWN_PER_GROUP).map(renderNote)}</ul>
            {items.length > SHOWN_PER_GROUP ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-xs text-accent-600 dark:text-accent-300 underline underline-offset-2">
                  Show {items.length - SHOWN_PER_GROUP} more
                </summary>
                <ul className="mt-2 space-y-2">{items.slice(SHOWN_PER_GROUP).map(renderNote)}</ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
