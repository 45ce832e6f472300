import { describe, expect, it } from "vitest";
import { DEMO_PROFILES, demoAnswer } from "./demo-models";
import { demoVerdict, solveDemoTask } from "./demo-tasks";

describe("simulated models on recognisable tasks", () => {
  it("answer arithmetic, capitals and JSON, and get them wrong in a fixed way when told to", () => {
    expect(solveDemoTask("What is 17 + 25?", false)?.answer).toBe("42");
    expect(solveDemoTask("What is 17 + 25?", true)?.answer).toBe("43");
    expect(solveDemoTask("What is the capital of Kenya?", false)?.answer).toBe("Nairobi");
    expect(solveDemoTask("What is the capital of Kenya?", true)?.answer).not.toBe("Nairobi");
    const json = solveDemoTask('Return a JSON object with keys "city" and "country".', false)?.answer ?? "";
    expect(Object.keys(JSON.parse(json))).toEqual(["city", "country"]);
    expect(() => JSON.parse(solveDemoTask("Reply in JSON.", true)?.answer ?? "")).toThrow();
  });

  it("give each profile its own share of right answers, the same on every call", () => {
    const prompts = Array.from({ length: 200 }, (_, index) => `What is ${index} + ${index * 3}?`);
    const right = DEMO_PROFILES.map(
      (profile) =>
        prompts.filter((prompt, index) => demoAnswer(profile, prompt).includes(String(index + index * 3)))
          .length,
    );
    const [swift = 0, steady = 0, deliberate = 0] = right;
    expect(swift).toBeLessThan(steady);
    expect(steady).toBeLessThan(deliberate);
    expect(deliberate).toBeLessThan(200);
    for (const profile of DEMO_PROFILES)
      expect(demoAnswer(profile, "What is 12 * 12?")).toBe(demoAnswer(profile, "What is 12 * 12?"));
  });

  it("leave other prompts to the canned answers, and judge only prompts with a rubric", () => {
    const [swift] = DEMO_PROFILES;
    if (!swift) throw new Error("no profile");
    expect(demoAnswer(swift, "Which model should answer support tickets?")).toMatch(/^Short answer on/);
    expect(demoVerdict("Rubric: names the city", 7)).toContain('"pass"');
    expect(demoVerdict("No grading here", 7)).toBeNull();
  });
});
