import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { acquireRunSlot, clientIdOf } from "./limits";

describe("the client id of the run limit", () => {
  const request = (forwardedFor?: string) =>
    new Request("http://test.local/api/compare", {
      headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
    });

  it("ignores X-Forwarded-For by default, so a made-up header does not dodge the limit", () => {
    expect(clientIdOf(request("198.51.100.1"), 0)).toBe(clientIdOf(request("198.51.100.2"), 0));
    const release = acquireRunSlot(clientIdOf(request("198.51.100.3"), 0), 1);
    try {
      expect(() => acquireRunSlot(clientIdOf(request("198.51.100.4"), 0), 1)).toThrow(AppError);
    } finally {
      release();
    }
  });

  it("behind trusted proxies, counts the address the outermost one saw, not what the client wrote", () => {
    expect(clientIdOf(request("203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIdOf(request("made-up, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIdOf(request("made-up, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientIdOf(request("203.0.113.7"), 2)).toBe("local");
    expect(clientIdOf(request(), 1)).toBe("local");
  });

  it("says the limit is the server's when every caller shares it, and the caller's own otherwise", () => {
    const messageOver = (clientId: string) => {
      const release = acquireRunSlot(clientId, 1);
      try {
        acquireRunSlot(clientId, 1);
        return "";
      } catch (error) {
        return error instanceof AppError ? error.message : "";
      } finally {
        release();
      }
    };
    expect(messageOver(clientIdOf(request("198.51.100.5"), 0))).toMatch(
      /already running on this server.*TRUST_PROXY/,
    );
    expect(messageOver(clientIdOf(request("203.0.113.9"), 1))).toMatch(
      /^You already have 1 comparisons running\./,
    );
  });
});
