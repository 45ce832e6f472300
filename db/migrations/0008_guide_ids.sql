-- The buying guides are named by their date ("guide-2024-11"; they were "seed-000", "seed-001" and
-- "seed-002"). Their price observations and facts are derived from the committed guides, and the next
-- catalog load writes them again under the new names (the facts' ids change with the names, which
-- makes that load run); the rows under the old names go, so no guide shows twice in a price history.
-- The guides' benchmark scores keep their rows (their fingerprints do not include the guide), and their
-- citation is rewritten to the new name; the catalog's old record of the guides' headers goes.
DELETE FROM "price_observations" WHERE "source" IN ('seed-000', 'seed-001', 'seed-002');--> statement-breakpoint
DELETE FROM "editorial_facts" WHERE "source" IN ('seed-000', 'seed-001', 'seed-002');--> statement-breakpoint
UPDATE "quality_scores"
SET "details" = jsonb_set(
  "details",
  '{citation}',
  to_jsonb(CASE "details"->>'citation' WHEN 'seed-000' THEN 'guide-2026-01' WHEN 'seed-001' THEN 'guide-2026-04' ELSE 'guide-2024-11' END)
)
WHERE "source" = 'buying-guides' AND "details"->>'citation' IN ('seed-000', 'seed-001', 'seed-002');--> statement-breakpoint
DELETE FROM "catalog_meta" WHERE "key" = 'seedSources';
