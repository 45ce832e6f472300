import type { Metadata } from "next";
import { ApiTokens } from "@/components/settings/api-tokens";
import { ProviderStatusTable } from "@/components/settings/provider-status-table";
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
          <ProviderStatusTable providers={providers} />
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
