import http from "node:http";
import type { FuzzRequest } from "./generate";

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** node:http sends the target and method as given; fetch would re-encode paths and refuse TRACE. */
export function send(baseUrl: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        agent,
        hostname,
        port,
        method: request.method,
        path: request.path,
        // Browsers always say how long a body is; chunked DELETE bodies are not what this suite probes.
        headers:
          request.body === undefined
            ? request.headers
            : { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        // A redirect may echo the long target back in Location.
        maxHeaderSize: 256 * 1024,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // Only an error's body is checked; a success (a 2 MB model listing, say) is read and dropped.
        const keepBody = status >= 400;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (keepBody) chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({
            status,
            contentType: String(response.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Why an answer breaks the API's promise (no 5xx; errors in the JSON error shape), or null. */
export function faultOf(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (answer.status === 0) return `no answer (${answer.text})`;
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.status < 400 || request.method === "HEAD") return null;
  if (!answer.contentType.includes("application/json"))
    return `error answered as ${answer.contentType || "no type"}`;
  try {
    const { error } = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code !== "string" || !/^[a-z_]+:[a-z]+$/.test(error.code)) return "error.code missing";
    if (typeof error.message !== "string" || error.message === "") return "error.message missing";
  } catch {
    return "error body is not JSON";
  }
  return null;
}

/** Runs requests a few at a time (the machine is small) and returns the ones that broke a promise. */
export async function sendAll(
  baseUrl: string,
  requests: FuzzRequest[],
  concurrency = 4,
): Promise<{ request: FuzzRequest; fault: string; answer: FuzzAnswer }[]> {
  const failures: { request: FuzzRequest; fault: string; answer: FuzzAnswer }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++] as FuzzRequest;
      const answer = await send(baseUrl, request).catch(
        (error: Error): FuzzAnswer => ({
          status: 0,
          contentType: "",
          text: `${error.name}: ${error.message}`,
        }),
      );
      const fault = faultOf(request, answer);
      if (fault) failures.push({ request, fault, answer });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}
