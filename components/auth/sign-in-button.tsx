"use client";

import { useState } from "react";
import { authClient } from "./auth-client";

export function SignInButton({ issuerName, next }: { issuerName: string; next: string }) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function signIn() {
    setPending(true);
    setFailure(null);
    // The answer names the issuer's authorize address; the client then sends the browser there.
    const { error } = await authClient.signIn.social({
      provider: "oidc",
      callbackURL: next,
      errorCallbackURL: "/sign-in",
    });
    if (error) {
      setFailure(error.message ?? "The sign-in could not start. Try again.");
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={signIn}
        disabled={pending}
        data-testid="sign-in-button"
        className="flex h-11 w-full items-center justify-center gap-2 rounded-md bg-accent-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-accent-700 focus:outline-none focus:ring-2 focus:ring-accent-500/40 disabled:opacity-70"
      >
        {pending ? "Opening sign-in…" : `Sign in with ${issuerName}`}
      </button>
      {failure ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {failure}
        </p>
      ) : null}
    </>
  );
}
