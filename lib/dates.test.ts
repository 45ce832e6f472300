import { describe, expect, it } from "vitest";
import { addDays, utcDay, utcMonth } from "./dates";

describe("UTC days", () => {
  it("names the UTC day of an instant, whatever the hour", () => {
    expect(utcDay(Date.parse("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(utcDay(Date.parse("2026-03-01T23:59:59.999Z") + 1)).toBe("2026-03-02");
    expect(utcMonth(Date.parse("2026-03-31T23:59:59.999Z"))).toBe("2026-03");
    expect(utcMonth(Date.parse("2026-03-31T23:59:59.999Z") + 1)).toBe("2026-04");
  });

  it("adds and subtracts days across months, leap days and years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("2026-11-22", -29)).toBe("2026-10-24");
  });
});
