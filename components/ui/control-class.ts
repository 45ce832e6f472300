/** The bordered box shared by the small text inputs and selects, in light and dark. */
export const controlClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export const selectClass = `${controlClass} max-w-full`;

/** The taller search box of the model pickers, dimmed while it cannot take more models. */
export const modelSearchClass =
  "h-9 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900";
