/** Calendar days in UTC, as the usage history and the charts' date axes count them. */
export const DAY_MS = 86_400_000;

/** The UTC day of an instant, as YYYY-MM-DD. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The UTC month of an instant, as YYYY-MM. */
export const utcMonth = (ms: number) => utcDay(ms).slice(0, 7);

/** The YYYY-MM-DD day `days` after `day` (before it, when negative). */
export const addDays = (day: string, days: number) => utcDay(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
