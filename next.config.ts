import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files from its package folder at run time; bundling would break that.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // A separate build folder lets several dev servers run side by side from one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Dev pages opened at 127.0.0.1 (as the test tools do) need their hot-reload socket allowed.
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
