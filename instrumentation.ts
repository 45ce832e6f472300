// Runs once when the server process starts: apply pending migrations before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./db/client");
  const handle = await getDbHandle();
  console.log(`Database ready (${handle.driver}).`);
}
