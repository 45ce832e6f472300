import { loadSnapshot } from "@/lib/catalog/store/snapshot";
import { utcDay } from "@/lib/dates";
import { capabilityCoverage, describeCoverage, scoreCoverage } from "./coverage";
import { loadQualityFile } from "./store";

/** `npm run catalog:coverage [-- --today YYYY-MM-DD]`: prints both coverage figures and what is missing. */
const todayIndex = process.argv.indexOf("--today");
const today = (todayIndex >= 0 ? process.argv[todayIndex + 1] : undefined) ?? utcDay(Date.now());
const snapshot = loadSnapshot();
const scores = scoreCoverage(snapshot, loadQualityFile().scores, today);
const capabilities = capabilityCoverage(snapshot);
console.log(
  describeCoverage(`Recent priced text models with a quality score (18 months to ${today})`, scores),
);
console.log(`  missing: ${scores.missing.join(", ") || "none"}`);
console.log(
  describeCoverage(
    "Current first-party offerings with release date, context window and modalities",
    capabilities,
  ),
);
console.log(`  missing: ${capabilities.missing.join(", ") || "none"}`);
