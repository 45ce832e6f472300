import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { EvalsPage } from "./pages/evals-page";

const PROMPTFOO = path.join("tests", "fixtures", "evals", "promptfooconfig.yaml");

test("a promptfoo file imported into a set adds its cases, a bad CSV names its row, and the JSONL export holds every case", async ({
  page,
}) => {
  const evals = new EvalsPage(page);
  await evals.gotoList();
  await evals.createSet("Support regressions", [
    { prompt: "Where is my order?", expected: "tracking", contains: "tracking" },
  ]);
  await expect(page.getByTestId("case-row")).toHaveCount(1);

  // promptfoo's two prompts × four tests become eight cases after the set's own.
  const panel = page.getByTestId("eval-import");
  await panel.getByTestId("eval-import-format").selectOption("promptfoo");
  await panel.getByTestId("eval-import-file").setInputFiles(PROMPTFOO);
  await expect(panel.getByTestId("eval-import-text")).toHaveValue(readFileSync(PROMPTFOO, "utf8"));
  await panel.getByTestId("eval-import-submit").click();
  await expect(panel.getByTestId("eval-import-done")).toHaveText("Added 8 cases.");
  await expect(page.getByTestId("case-row")).toHaveCount(9);
  await expect(page.getByTestId("case-prompt").first()).toHaveValue("Where is my order?");

  // A CSV row without a prompt is refused with its row number; nothing is added.
  await panel.getByTestId("eval-import-format").selectOption("csv");
  await panel.getByTestId("eval-import-text").fill("prompt,expected\nWhat is 2 + 2?,4\n,5\n");
  await panel.getByTestId("eval-import-submit").click();
  await expect(panel.getByTestId("eval-import-error")).toContainText(/row 3|line 3/i);
  await page.reload();
  await expect(page.getByTestId("case-row")).toHaveCount(9);

  // Saving the set in the editor keeps what the editor does not edit: the imported thresholds.
  await expect(page.getByTestId("assertion-threshold").first()).toHaveText("threshold 600");
  const schemaValue = page.getByPlaceholder("Structured value from an import (kept)").first();
  await expect(schemaValue).not.toBeEditable();
  await page.getByTestId("set-description").fill("Imported from promptfoo");
  await page.getByTestId("save-set").click();
  await expect(page.getByTestId("set-save-status")).toHaveText("Saved as version 3.");

  // The export downloads one JSON object per case, in order.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("eval-export").click(),
  ]);
  expect(download.suggestedFilename()).toBe("support-regressions.jsonl");
  const lines = readFileSync(await download.path(), "utf8")
    .trim()
    .split("\n");
  expect(lines).toHaveLength(9);
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({ prompt: "Where is my order?", expected: "tracking" });
  expect(JSON.parse(lines[1] ?? "").vars).toMatchObject({ language: "English" });
  expect(JSON.parse(lines[1] ?? "").assert).toEqual(
    expect.arrayContaining([
      { type: "max-length", threshold: 600 },
      { type: "cost", threshold: 0.002 },
    ]),
  );
  expect(
    lines.some((line) =>
      JSON.parse(line).assert?.some((item: { threshold?: number }) => item.threshold === 12),
    ),
  ).toBe(true);
  expect(lines.flatMap((line) => JSON.parse(line).assert ?? [])).toContainEqual({
    type: "contains-json",
    value: { type: "object", required: ["order", "status"] },
  });
});
