import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { methodNotAllowed, readJson, readQuery, route } from "./http";

const schema = z.object({ name: z.string().min(1), count: z.number().int() });

function jsonRequest(body: string, headers: Record<string, string> = {}) {
  return new Request("http://test.local/api/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("readJson", () => {
  it("parses a valid body", async () => {
    const value = await readJson(jsonRequest('{"name":"a","count":2}'), schema, { surface: "api" });
    expect(value).toEqual({ name: "a", count: 2 });
  });

  it("rejects malformed JSON with a 400 that says so", async () => {
    const error = await errorOf(readJson(jsonRequest('{"name":'), schema, { surface: "api" }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("rejects wrong types with field errors", async () => {
    const error = await errorOf(readJson(jsonRequest('{"name":5,"count":"x"}'), schema, { surface: "api" }));
    expect(error.status).toBe(400);
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors).sort()).toEqual([
      "count",
      "name",
    ]);
  });

  it("rejects bodies over the limit even when Content-Length is missing", async () => {
    const big = JSON.stringify({ name: "x".repeat(2000), count: 1 });
    const error = await errorOf(readJson(jsonRequest(big), schema, { surface: "api", maxBytes: 1000 }));
    expect(error.status).toBe(413);
  });

  it("rejects a non-JSON content type with 415", async () => {
    const request = new Request("http://test.local/api/x", { method: "POST", body: "name=a" });
    const error = await errorOf(readJson(request, schema, { surface: "api" }));
    expect(error.status).toBe(415);
  });

  it("refuses a body labelled text/plain;application/json, which needs no CORS preflight", async () => {
    const request = jsonRequest('{"name":"a","count":2}', { "content-type": "text/plain;application/json" });
    const error = await errorOf(readJson(request, schema, { surface: "api" }));
    expect(error.status).toBe(415);
  });
});

describe("methodNotAllowed", () => {
  it("answers with a JSON 405 naming the allowed methods", async () => {
    const response = methodNotAllowed(["GET", "POST"]).DELETE(
      new Request("http://test.local/x", { method: "DELETE" }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
    const body = await response.json();
    expect(body.error.code).toBe("method_not_allowed:api");
    expect(body.error.message).toContain("GET or POST");
  });
});

describe("readQuery", () => {
  const query = z.object({
    provider: z.union([z.string(), z.array(z.string())]).optional(),
    limit: z.coerce.number().int().max(10).optional(),
  });

  it("turns repeated keys into arrays", () => {
    expect(readQuery("http://x/?provider=a&provider=b&limit=3", query, "catalog")).toEqual({
      provider: ["a", "b"],
      limit: 3,
    });
  });

  it("names the bad parameter", () => {
    try {
      readQuery("http://x/?limit=99", query, "catalog");
      throw new Error("expected failure");
    } catch (error) {
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).message).toContain("limit");
    }
  });
});

describe("route", () => {
  it("maps thrown AppErrors to their response", async () => {
    const handler = route(() => {
      throw new AppError("not_found:catalog", "No model with id x");
    });
    const response = await handler(new Request("http://x"), {});
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found:catalog", message: "No model with id x" },
    });
  });
});
