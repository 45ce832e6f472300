import { startOidcIssuer } from "./oidc-issuer";

/** `npx tsx tests/support/oidc-issuer-cli.ts --port 4510`: the local OpenID Connect issuer for Playwright. */
const index = process.argv.indexOf("--port");
const port = Number(index === -1 ? "4510" : process.argv[index + 1]);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error("--port must be an integer 1-65535");
  process.exit(2);
}

const issuer = await startOidcIssuer({ port });
console.log(`OpenID Connect issuer listening on ${issuer.url}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => void issuer.close().finally(() => process.exit(0)));
}
