import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { pageViewer } from "@/lib/auth/page-viewer";
import { safeReturnPath } from "@/lib/auth/rules";
import { authSettings } from "@/lib/auth/settings";
import { APP_NAME } from "@/lib/version";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** What the `error` codes better-auth adds to this page's address mean to the person signing in. */
const ERROR_TEXT: Record<string, string> = {
  email_domain_not_allowed:
    "That account's email domain is not allowed here. Sign in with your work account.",
  access_denied: "The sign-in was cancelled at the identity provider.",
  state_mismatch: "The sign-in took too long or was started in another tab. Try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>;
}) {
  const settings = authSettings();
  const { next, error } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (!settings || (await pageViewer())) redirect(returnTo);
  const errorText = error
    ? (ERROR_TEXT[error.toLowerCase()] ?? `The sign-in did not complete (${error}). Try again.`)
    : null;
  return (
    <div className="flex min-h-[75vh] items-center justify-center">
      <div className="absolute right-4 top-3">
        <ThemeToggle />
      </div>
      <section
        data-testid="sign-in-card"
        className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div className="mb-6 flex items-center gap-3">
          <span className="grid h-10 w-10 place-items-center rounded-lg bg-accent-600 font-semibold text-white">
            ML
          </span>
          <div>
            <h1 className="text-lg font-semibold">{APP_NAME}</h1>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">
              Sign in to see your team's models and spend.
            </p>
          </div>
        </div>
        {errorText ? (
          <p
            role="alert"
            data-testid="sign-in-error"
            className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
          >
            {errorText}
          </p>
        ) : null}
        <SignInButton issuerName={settings.issuerName} next={returnTo} />
        <p className="mt-6 text-xs text-zinc-500 dark:text-zinc-400">
          You will be sent to {settings.issuerName} and brought back here.
        </p>
      </section>
    </div>
  );
}
