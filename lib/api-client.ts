import { AppError } from "./errors";

/** Browser-side fetch that turns the API's error body back into the same AppError. */
export async function fetchJson<T>(input: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(input, {
      ...init,
      headers: { ...(init?.body ? { "content-type": "application/json" } : {}), ...init?.headers },
    });
  } catch (error) {
    throw new AppError("unavailable:api", "Could not reach the server. Check your connection and retry.", {
      cause: error,
    });
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) throw AppError.fromBody(response.status, body);
  return body as T;
}
