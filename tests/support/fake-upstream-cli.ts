import { startFakeUpstream } from "./fake-upstream";

/** `npx tsx tests/support/fake-upstream-cli.ts --port 4010 [--host 127.0.0.1]`, for Playwright and benches. */

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const portText = flag("port") ?? "4010";
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer 0-65535, got "${portText}"`);
  process.exit(2);
}

const upstream = await startFakeUpstream({ port, host: flag("host") ?? "127.0.0.1" });
console.log(`fake upstream listening on ${upstream.url}`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  await upstream.close();
  console.log(`fake upstream stopped (${signal})`);
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
