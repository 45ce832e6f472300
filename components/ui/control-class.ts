/** The border and colours that every text box, select and text area shares, in light and dark. */
export const fieldBoxClass =
  "rounded-md border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900";

/** The small text inputs and selects of toolbars and chart controls. */
export const controlClass = `h-8 ${fieldBoxClass} px-2 text-sm`;

export const selectClass = `${controlClass} max-w-full`;

/** Form fields that fill their column: the History filters and forms, and the model wizard. */
export const wideInputClass = `h-9 w-full min-w-0 ${fieldBoxClass} px-3 text-sm placeholder:text-zinc-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/20`;
export const wideSelectClass = `h-9 w-full min-w-0 ${fieldBoxClass} px-2 text-sm`;

/** The taller search box of the model pickers, dimmed while it cannot take more models. */
export const modelSearchClass = `h-9 w-full ${fieldBoxClass} px-3 text-sm disabled:opacity-60`;
