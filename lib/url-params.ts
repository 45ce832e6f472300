/**
 * Writes a patch of query parameters into the address bar without a navigation or a history entry,
 * so a page's state can be shared as its URL. A null or empty value removes the parameter.
 */
export function replaceUrlParams(patch: Record<string, string | null>) {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  const search = next.toString();
  const url = `${window.location.pathname}${search ? `?${search}` : ""}`;
  if (url !== `${window.location.pathname}${window.location.search}`) {
    window.history.replaceState(window.history.state, "", url);
  }
}
