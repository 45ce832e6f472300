"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formatDateTime } from "@/components/history/history-ui";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { wideInputClass } from "@/components/ui/control-class";
import { fetchJson } from "@/lib/api-client";

interface TokenJson {
  id: string;
  name: string;
  prefix: string;
  ownerName: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const TOKENS_KEY = ["api-tokens"];

/** Admins create personal API tokens (the secret is shown once), see when each was last used, and revoke them. */
export function ApiTokens() {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => fetchJson<{ tokens: TokenJson[] }>("/api/api-tokens"),
  });
  const create = useMutation({
    mutationFn: (tokenName: string) =>
      fetchJson<{ token: string }>("/api/api-tokens", {
        method: "POST",
        body: JSON.stringify({ name: tokenName }),
      }),
    onSuccess: ({ token }) => {
      setSecret(token);
      setName("");
      void client.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/api-tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: TOKENS_KEY }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSecret(null);
    create.mutate(name);
  }

  const failure = create.error ?? revoke.error ?? tokens.error;
  return (
    <Card className="lg:col-span-3" data-testid="api-tokens">
      <h2 className="mb-1 font-semibold">API tokens</h2>
      <p className="mb-3 text-sm text-muted">
        Scripts call the API with <code className="text-xs">Authorization: Bearer &lt;token&gt;</code> and act
        as the admin who made the token.
      </p>
      <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row">
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="What will use it, e.g. nightly usage export"
          aria-label="Token name"
          maxLength={100}
          data-testid="api-token-name"
          className={wideInputClass}
        />
        <Button
          type="submit"
          variant="primary"
          size="lg"
          className="shrink-0"
          disabled={create.isPending || !name.trim()}
          data-testid="api-token-create"
        >
          Create token
        </Button>
      </form>
      {secret ? (
        <div
          data-testid="api-token-created"
          className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
        >
          <p className="mb-1 font-medium">Copy this token now. It will not be shown again.</p>
          <code data-testid="api-token-secret" className="block select-all break-all font-mono text-xs">
            {secret}
          </code>
        </div>
      ) : null}
      {failure ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {failure.message}
        </p>
      ) : null}
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-muted">
            <tr>
              <th className="py-1.5 pr-3">Name</th>
              <th className="py-1.5 pr-3">Token</th>
              <th className="py-1.5 pr-3">Owner</th>
              <th className="py-1.5 pr-3">Created</th>
              <th className="py-1.5 pr-3">Last used</th>
              <th className="py-1.5" />
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {(tokens.data?.tokens ?? []).map((token) => (
              <tr key={token.id} data-testid="api-token-row" data-token-name={token.name}>
                <td className="py-1.5 pr-3 font-medium">{token.name}</td>
                <td className="py-1.5 pr-3 font-mono text-xs">{token.prefix}…</td>
                <td className="py-1.5 pr-3">{token.ownerName}</td>
                <td className="whitespace-nowrap py-1.5 pr-3">{formatDateTime(token.createdAt)}</td>
                <td className="whitespace-nowrap py-1.5 pr-3" data-testid="api-token-last-used">
                  {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}
                </td>
                <td className="py-1.5 text-right">
                  <Button
                    variant="danger-outline"
                    onClick={() => revoke.mutate(token.id)}
                    disabled={revoke.isPending}
                    data-testid="api-token-revoke"
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tokens.data && tokens.data.tokens.length === 0 ? (
          <p className="py-2 text-sm text-muted" data-testid="api-tokens-empty">
            No tokens yet.
          </p>
        ) : null}
      </div>
    </Card>
  );
}
