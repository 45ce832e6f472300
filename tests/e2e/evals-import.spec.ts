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

  // The editor shows the imported thresholds and edits them; it keeps what it cannot edit (a schema).
  const firstCase = page.getByTestId("case-row").first();
  await expect(firstCase.getByTestId("assertion-threshold")).toHaveCount(0);
  const imported = page.getByTestId("case-row").nth(1);
  const maxLength = imported.getByRole("textbox", { name: "max chars (case 2)" });
  await expect(maxLength).toHaveValue("600");
  await expect(maxLength).toHaveAttribute("title", /most characters/);
  // Emptied while typing, the field stays; the new limit is what is saved.
  await maxLength.fill("");
  await expect(maxLength).toBeVisible();
  await maxLength.fill("500");
  // An emptied threshold is removed once the field is left (a limit's field then goes).
  const third = page.getByTestId("case-row").nth(2);
  const costLimit = third.getByRole("textbox", { name: "max USD (case 3)" });
  await expect(costLimit).toHaveValue("0.002");
  await costLimit.fill("");
  await costLimit.press("Tab");
  await expect(costLimit).toHaveCount(0);
  const schemaValue = page.getByPlaceholder("Structured value from an import (kept)").first();
  await expect(schemaValue).not.toBeEditable();
  // A judge's rubric added here gets promptfoo's minimum score.
  await firstCase.getByTestId("add-assertion").click();
  await firstCase.getByTestId("assertion-type").last().selectOption("llm-rubric");
  await firstCase.getByTestId("assertion-value").last().fill("Says where to find the tracking number.");
  const minScore = firstCase.getByRole("textbox", { name: "min score (case 1)" });
  // Not a number: marked, and not saved.
  await minScore.fill("0.8x");
  await expect(minScore).toHaveAttribute("aria-invalid", "true");
  await minScore.fill("0.8");
  await expect(minScore).not.toHaveAttribute("aria-invalid");
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
  expect(JSON.parse(lines[0] ?? "")).toMatchObject({
    prompt: "Where is my order?",
    expected: "tracking",
    assert: [
      { type: "contains", value: "tracking" },
      { type: "llm-rubric", value: "Says where to find the tracking number.", threshold: 0.8 },
    ],
  });
  expect(JSON.parse(lines[1] ?? "").vars).toMatchObject({ language: "English" });
  expect(JSON.parse(lines[1] ?? "").assert).toEqual(
    expect.arrayContaining([
      { type: "max-length", threshold: 500 },
      { type: "cost", threshold: 0.002 },
    ]),
  );
  // The other cases keep the thresholds they were imported with, but for the one removed.
  expect(JSON.parse(lines[2] ?? "").assert).toEqual(
    expect.arrayContaining([{ type: "max-length", threshold: 600 }, { type: "cost" }]),
  );
  expect(JSON.parse(lines[3] ?? "").assert).toContainEqual({ type: "cost", threshold: 0.002 });
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
