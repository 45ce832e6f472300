"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Viewer } from "@/lib/auth/rules";
import { authClient } from "./auth-client";

export function UserMenu({ viewer }: { viewer: Viewer }) {
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await authClient.signOut();
    window.location.assign("/sign-in");
  }

  return (
    <div className="flex shrink-0 items-center gap-2 text-sm" data-testid="user-menu">
      <span className="hidden max-w-[14rem] truncate sm:inline" title={viewer.email}>
        <span data-testid="user-name" className="font-medium">
          {viewer.name}
        </span>
        {viewer.role === "admin" ? (
          <Badge tone="accent" testId="user-role" className="ml-1.5">
            admin
          </Badge>
        ) : null}
      </span>
      <Button variant="ghost" onClick={signOut} disabled={pending} data-testid="sign-out">
        Sign out
      </Button>
    </div>
  );
}
