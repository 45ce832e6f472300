/** Toggle chip look shared by the catalog filters and the chart controls. */
export const chipClass = (on: boolean) =>
  `rounded-full border px-2.5 py-1 text-xs font-medium transition ${
    on
      ? "border-accent-600 bg-accent-600 text-white"
      : "border-zinc-300 text-zinc-700 hover:border-zinc-400 dark:border-zinc-700 dark:text-zinc-300 dark:hover:border-zinc-500"
  }`;
