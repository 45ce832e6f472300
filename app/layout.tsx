import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { SiteHeader } from "@/components/site-header";
import { ThemeScript } from "@/components/theme-script";
import { pageViewer } from "@/lib/auth/page-viewer";
import { APP_NAME, APP_VERSION } from "@/lib/version";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: `${APP_NAME}: choose LLM APIs with real numbers`, template: `%s · ${APP_NAME}` },
  description:
    "Prices and capabilities of every model across providers, side-by-side streaming with live metrics, and team cost estimates.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

/**
 * Reading the request headers renders every page per request, which the CSP needs: Next puts the
 * nonce on its own inline scripts only when it renders, so a prerendered page's scripts would be
 * blocked. It costs the pages without data 3–5 ms each (bench/pages); those with data render per
 * request anyway.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = nonceOf((await headers()).get("content-security-policy"));
  const viewer = await pageViewer();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>
          <SiteHeader viewer={viewer} />
          <main className="mx-auto max-w-[1600px] px-3 py-6 sm:px-6">{children}</main>
          <footer className="mx-auto max-w-[1600px] px-3 pb-8 text-xs text-muted sm:px-6">
            {APP_NAME} v{APP_VERSION}
          </footer>
        </Providers>
      </body>
    </html>
  );
}

function nonceOf(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([^']+)'/)?.[1];
}
