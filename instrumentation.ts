// Runs once when the server process starts: apply pending migrations before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db/client");
  const handle = await getDbHandle();
  console.log(`Database ready (${handle.driver}).`);
  // Loads the bundled catalog on first start (or after an upgrade) before the first visitor waits for it.
  const { getCatalog } = await import("./lib/catalog/service");
  const catalog = await getCatalog();
  console.log(`Catalog ready: ${catalog.entries.length} offerings as of ${catalog.asOf}.`);
}
