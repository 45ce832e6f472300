import type { listProviderStatus } from "@/lib/providers/config";

/** Which providers are configured on the server: status, the key's variable name (never its value), endpoint. */
export function ProviderStatusTable({ providers }: { providers: ReturnType<typeof listProviderStatus> }) {
  return (
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
                {provider.customBaseUrl ? `custom (${provider.baseUrlVariable ?? "configured"})` : "default"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
