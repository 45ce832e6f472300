import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package folder at run time; bundling would break that.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // A separate build folder lets several dev servers run side by side from one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Dev pages opened at 127.0.0.1 (as the test tools do) need their hot-reload socket allowed.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  // No gzip in the app: compressing every small JSON answer cost each request ~2 ms of the HTTP
  // thread plus a zlib state that churns memory (bench:tokens:load), and on the embedded default the
  // client is on the same machine. A team deployment's reverse proxy compresses (docs/deploy.md);
  // COMPRESS_RESPONSES=1 turns it back on where nothing in front does.
  compress: process.env.COMPRESS_RESPONSES === "1",
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
