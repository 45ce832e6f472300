import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, errorToResponse } from "./errors";

describe("AppError", () => {
  it("derives status from the code's type", () => {
    expect(new AppError("not_found:catalog", "x").status).toBe(404);
    expect(new AppError("payload_too_large:playground", "x").status).toBe(413);
    expect(new AppError("rate_limited:playground", "x").status).toBe(429);
    expect(new AppError("upstream:provider", "x").status).toBe(502);
  });

  it("serialises to the documented body and back to the same error", async () => {
    const original = new AppError("rate_limited:playground", "Too many runs", {
      details: { retryAfterSeconds: 3 },
      headers: { "retry-after": "3" },
    });
    const response = original.toResponse();
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    const body = await response.json();
    expect(body).toEqual({
      error: { code: "rate_limited:playground", message: "Too many runs", details: { retryAfterSeconds: 3 } },
    });
    const rebuilt = AppError.fromBody(response.status, body);
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(rebuilt.code).toBe("rate_limited:playground");
    expect(rebuilt.details).toEqual({ retryAfterSeconds: 3 });
  });

  it("falls back to the HTTP status when the body is not ours", () => {
    expect(AppError.fromBody(404, "<html>").code).toBe("not_found:api");
    expect(AppError.fromBody(503, { error: "x" }).code).toBe("unavailable:api");
    expect(AppError.fromBody(599, null).type).toBe("internal");
  });

  it("collects zod issues as field errors", () => {
    const schema = z.object({ prompt: z.string().min(1), models: z.array(z.string()).max(2) });
    const result = schema.safeParse({ prompt: "", models: ["a", "b", "c"] });
    if (result.success) throw new Error("expected failure");
    const error = AppError.fromZod("playground", result.error);
    expect(error.status).toBe(400);
    const { fieldErrors } = error.details as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(fieldErrors).sort()).toEqual(["models", "prompt"]);
    expect(error.message).toContain("prompt:");
  });

  it("turns unknown throwables into a generic 500 without leaking their message", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = errorToResponse(new Error("db password is hunter2"));
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain("hunter2");
    } finally {
      console.error = original;
    }
  });
});
