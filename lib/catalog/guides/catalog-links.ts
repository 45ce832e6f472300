import { editorialModels } from ".";

/**
 * Joins the guides' model ids ("claude-3-7-sonnet") to the catalog's canonical model ids
 * ("claude-3.7-sonnet"). Each editorial model names the exact genai-prices offerings it means;
 * the canonical ids of those offerings then reach every other host of the same model.
 */
export interface EditorialLinks {
  canonicalIdsByEditorial: Map<string, Set<string>>;
  editorialIdByCanonical: Map<string, string>;
}

// The catalog's entry list is rebuilt only when the catalog changes, so links are computed once per list.
const linksByList = new WeakMap<readonly { id: string; modelId: string }[], EditorialLinks>();

export function buildEditorialLinks(offerings: readonly { id: string; modelId: string }[]): EditorialLinks {
  const cached = linksByList.get(offerings);
  if (cached) return cached;
  const links = computeLinks(offerings);
  linksByList.set(offerings, links);
  return links;
}

function computeLinks(offerings: readonly { id: string; modelId: string }[]): EditorialLinks {
  const modelIdByOffering = new Map(offerings.map((offering) => [offering.id, offering.modelId]));
  const canonicalIdsByEditorial = new Map<string, Set<string>>();
  const editorialIdByCanonical = new Map<string, string>();
  for (const model of editorialModels) {
    const canonical = new Set<string>();
    for (const ref of model.genaiPrices) {
      const modelId = modelIdByOffering.get(`${ref.provider}/${ref.model}`);
      if (modelId) canonical.add(modelId);
    }
    // Fall back to the same id when the guides and the catalog already agree ("gpt-4o").
    if (canonical.size === 0 && offerings.some((offering) => offering.modelId === model.model)) {
      canonical.add(model.model);
    }
    canonicalIdsByEditorial.set(model.model, canonical);
    for (const id of canonical)
      if (!editorialIdByCanonical.has(id)) editorialIdByCanonical.set(id, model.model);
  }
  return { canonicalIdsByEditorial, editorialIdByCanonical };
}
