/**
 * Inline script that runs before first paint so the page never flashes the wrong theme.
 * The saved choice ("light" | "dark" | "system") lives in localStorage under THEME_STORAGE_KEY.
 */
export const THEME_STORAGE_KEY = "theme";

const script = `(function(){try{var c=localStorage.getItem("${THEME_STORAGE_KEY}")||"system";var d=c==="dark"||(c==="system"&&window.matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.dataset.theme=c;}catch(_){}})();`;

/** The nonce comes from the request's Content-Security-Policy, without which the browser would block it. */
export function ThemeScript({ nonce }: { nonce?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user input
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
