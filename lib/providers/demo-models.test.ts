import { describe, expect, it } from "vitest";
import { DEMO_PROFILES } from "./demo-models";

describe("simulated models", () => {
  // The model pickers mark a simulated model by its name alone, so a profile whose name did not say
  // so would pass for a real model there.
  it.each(DEMO_PROFILES.map((profile) => [profile.id, profile.label]))(
    "%s is named as simulated",
    (_id, label) => {
      expect(label).toMatch(/\(Simulated\)$/);
    },
  );
});
