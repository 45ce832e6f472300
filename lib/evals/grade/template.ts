import { AppError } from "@/lib/errors";

/**
 * `{{ name }}` placeholders, as in promptfoo prompts. This is a strict mustache-style replace, not
 * nunjucks: set files come from users, and a template language with filters and expressions is more
 * than a prompt needs and more than we want to run on the server. Only `{{ identifier }}` is a
 * placeholder (letters, digits, `_`, `-`, `.`); any other braces stay as they are.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** Replaces every `{{ var }}` with its value in one pass, so values are never re-read as templates. */
export function renderTemplate(template: string, vars: Record<string, string> = {}): string {
  const missing = missingTemplateVars(template, vars);
  if (missing.length > 0) {
    const names = missing.map((name) => `{{${name}}}`).join(", ");
    throw new AppError("bad_request:evals", `The template uses ${names} but no value was given for it.`, {
      details: { missingVars: missing },
    });
  }
  return template.replace(PLACEHOLDER, (_match, name: string) => vars[name] ?? "");
}

/** The names a template uses that `vars` does not define, in order of first use. */
export function missingTemplateVars(template: string, vars: Record<string, string> = {}): string[] {
  const missing = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!Object.hasOwn(vars, name)) missing.add(name);
  }
  return [...missing];
}
