import type { Metadata } from "next";
import { ApiTokens } from "@/components/settings/api-tokens";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { pageViewer } from "@/lib/auth/page-viewer";
import { getHealth } from "@/lib/health";
import { listProviderStatus } from "@/lib/providers/config";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const [health, providers, viewer] = await Promise.all([
    getHealth(),
    Promise.resolve(listProviderStatus()),
    pageViewer(),
  ]);
  return (
    <>
      <PageHeader
        title="Settings"
        description="Provider keys live only in the server's environment. This page shows which are set, never their values."
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" data-testid="provider-status">
          <h2 className="mb-3 font-semibold">Providers</h2>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-muted">
                <tr>
                  <th className="py-1.5 pr-3">Provider</th>
                  <th className="py-1.5 pr-3">Status</th>
                  <th className="py-1.5 pr-3">Key variable</th>
                  <th className="py-1.5">Endpoint</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {providers.map((provider) => (
                  <tr key={provider.id} data-testid={`provider-row-${provider.id}`}>
                    <td className="py-1.5 pr-3 font-medium">{provider.label}</td>
                    <td className="py-1.5 pr-3">
                      <span
                        data-testid="provider-configured"
                        data-configured={provider.configured}
                        className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${
                          provider.configured
                            ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200"
                            : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
                        }`}
                      >
                        {provider.configured ? "Configured" : "Not configured"}
                      </span>
                    </td>
                    <td className="py-1.5 pr-3 font-mono text-xs">{provider.keyVariable}</td>
                    <td className="py-1.5 text-xs text-muted">
                      {provider.customBaseUrl
                        ? `custom (${provider.baseUrlVariable ?? "configured"})`
                        : "default"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 break-words text-xs text-muted [&_code]:break-all">
            Set a key in the environment (or <code>.env.local</code>) and restart the server. Add any
            OpenAI-compatible server with <code>OPENAI_COMPATIBLE_ENDPOINTS=name|baseUrl|KEY_VARIABLE</code>.
          </p>
        </Card>
        <Card data-testid="system-status">
          <h2 className="mb-3 font-semibold">System</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-muted">Version</dt>
            <dd data-testid="app-version">{health.version}</dd>
            <dt className="text-muted">Database</dt>
            <dd data-testid="db-driver">
              {health.db.driver === "pglite" ? "pglite (embedded)" : "postgres (server)"}
            </dd>
            <dt className="text-muted">Migrations</dt>
            <dd data-testid="db-migrations">
              {health.db.migrations.applied}/{health.db.migrations.available} applied
              {health.db.migrations.upToDate ? "" : ` (pending: ${health.db.migrations.pending.join(", ")})`}
            </dd>
          </dl>
        </Card>
        {viewer?.role === "admin" ? <ApiTokens /> : null}
        {viewer?.role === "member" ? (
          <Card className="lg:col-span-3" data-testid="api-tokens-admins-only">
            <h2 className="mb-1 font-semibold">API tokens</h2>
            <p className="text-sm text-muted">Ask an admin of this deployment for an API token.</p>
          </Card>
        ) : null}
      </div>
    </>
  );
}
