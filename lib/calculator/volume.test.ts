import { describe, expect, it } from "vitest";
import { resolveVolume } from "./volume";

describe("resolveVolume", () => {
  it("multiplies team size, requests per person per day and working days", () => {
    // 12 × 40 = 480 requests a day; × 21 days = 10,080 requests a month.
    const volume = resolveVolume({
      volume: { mode: "team", teamSize: 12, requestsPerPersonPerDay: 40, workingDaysPerMonth: 21 },
    });
    expect(volume).toEqual({
      requestsPerMonth: 10_080,
      teamSize: 12,
      explanation: "12 people × 40 requests/day × 21 days = 10,080 requests/month",
    });
  });

  it("rounds fractional volumes to whole requests and says so", () => {
    // 3 × 2.5 × 21 = 157.5 → 158 (half rounds up).
    const team = resolveVolume({
      volume: { mode: "team", teamSize: 3, requestsPerPersonPerDay: 2.5, workingDaysPerMonth: 21 },
    });
    expect(team.requestsPerMonth).toBe(158);
    expect(team.explanation).toBe(
      "3 people × 2.5 requests/day × 21 days = 157.5 ≈ 158 requests/month (rounded to whole requests)",
    );
    expect(resolveVolume({ requestsPerMonth: 1234.4 }).requestsPerMonth).toBe(1234);
  });

  it("uses requestsPerMonth as given, and prefers an explicit volume object over it", () => {
    expect(resolveVolume({ requestsPerMonth: 10_000 })).toEqual({
      requestsPerMonth: 10_000,
      teamSize: null,
      explanation: "10,000 requests/month",
    });
    const both = resolveVolume({
      requestsPerMonth: 10_000,
      volume: { mode: "team", teamSize: 1, requestsPerPersonPerDay: 1, workingDaysPerMonth: 1 },
    });
    expect(both.explanation).toBe("1 person × 1 request/day × 1 day = 1 request/month");
    expect(resolveVolume({ volume: { mode: "requests", requestsPerMonth: 5 } }).requestsPerMonth).toBe(5);
  });
});
