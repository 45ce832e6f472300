// Runs once when the server process starts: apply pending migrations before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db/client");
  const { isPgliteLocked } = await import("./db/pglite-lock");
  let handle: Awaited<ReturnType<typeof getDbHandle>>;
  try {
    handle = await getDbHandle();
  } catch (error) {
    // Another process owns the folder: serving would split writes between two processes, so refuse to start.
    if (isPgliteLocked(error)) {
      console.error(error.message);
      process.exit(1);
    }
    // An unreadable folder keeps the server up so /api/health and every db route can say why (503).
    console.error(`Database unavailable: ${(error as Error).message}`);
    return;
  }
  console.log(`Database ready (${handle.driver}).`);
  // Loads the bundled catalog on first start (or after an upgrade) before the first visitor waits for it.
  const { getCatalog } = await import("./lib/catalog/service");
  const catalog = await getCatalog();
  console.log(`Catalog ready: ${catalog.entries.length} offerings as of ${catalog.asOf}.`);
}
