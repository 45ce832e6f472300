import { getDbHandle } from "./db/client";
import { isPgliteLocked } from "./db/pglite-lock";
import { installServerHook } from "./lib/server-hook";

/** Server start on Node: open the database (taking the PGlite lock), migrate, load the catalog. */
export async function startServer(): Promise<void> {
  installServerHook();
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
  const { getCatalog } = await import("./lib/catalog/read/served");
  const catalog = await getCatalog();
  console.log(`Catalog ready: ${catalog.entries.length} offerings as of ${catalog.asOf}.`);
  // The streaming thread loads its modules now rather than while the first answers' tokens arrive.
  // If it cannot start now, the first answer tries again (and says why in its pane).
  const { startStreamingThread } = await import("./lib/playground/pane-host");
  try {
    startStreamingThread();
  } catch (error) {
    console.error(`The streaming thread could not start: ${(error as Error).message}`);
  }
  // Queued eval runs resume here after a restart; EVAL_WORKER=off leaves them to other instances.
  const { startEvalWorker } = await import("./lib/evals/runs");
  await startEvalWorker().catch((error) => {
    console.error(`The eval worker could not start: ${(error as Error).message}`);
  });
}
