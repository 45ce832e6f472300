"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
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
      <Button
        variant="primary"
        size="xl"
        onClick={signIn}
        disabled={pending}
        data-testid="sign-in-button"
        className="w-full shadow-sm focus:outline-none focus:ring-2 focus:ring-accent-500/40"
      >
        {pending ? "Opening sign-in…" : `Sign in with ${issuerName}`}
      </Button>
      {failure ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {failure}
        </p>
      ) : null}
    </>
  );
}
