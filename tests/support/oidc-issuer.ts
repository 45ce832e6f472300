import type { IncomingMessage } from "node:http";
import { OAuth2Server } from "oauth2-mock-server";

/**
 * A real OpenID Connect issuer on this machine (discovery, JWKS, authorize, token, userinfo), for the
 * sign-in tests. It approves every authorization at once, as the person named by the `e2e_person`
 * cookie (or login_hint), so a test chooses who signs in without a login form.
 */
export const ISSUER_PEOPLE = {
  admin: { sub: "ada-0001", email: "ada@example.com", name: "Ada Admin" },
  member: { sub: "max-0002", email: "max@example.com", name: "Max Member" },
  outsider: { sub: "eve-0003", email: "eve@elsewhere.test", name: "Eve Outsider" },
} as const;
export type IssuerPerson = keyof typeof ISSUER_PEOPLE;
export const PERSON_COOKIE = "e2e_person";

function personOf(name: string | undefined | null) {
  return ISSUER_PEOPLE[(name ?? "admin") as IssuerPerson] ?? ISSUER_PEOPLE.admin;
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  const pairs = (request.headers.cookie ?? "").split(";").map((pair) => pair.trim().split("="));
  return pairs.find(([key]) => key === name)?.[1];
}

function bearerSubject(request: IncomingMessage): string | undefined {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  const payload = token?.split(".")[1];
  return payload ? JSON.parse(Buffer.from(payload, "base64url").toString()).sub : undefined;
}

export async function startOidcIssuer({ port, host = "127.0.0.1" }: { port: number; host?: string }) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  const personByCode = new Map<string, ReturnType<typeof personOf>>();

  server.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, request: IncomingMessage) => {
    const query = new URL(request.url ?? "/", "http://issuer.local").searchParams;
    const code = redirect.url.searchParams.get("code");
    if (code)
      personByCode.set(code, personOf(cookieValue(request, PERSON_COOKIE) ?? query.get("login_hint")));
  });
  server.service.on(
    "beforeTokenSigning",
    (
      token: { payload: Record<string, unknown> },
      request: IncomingMessage & { body?: { code?: string } },
    ) => {
      const person = personByCode.get(request.body?.code ?? "");
      if (person) Object.assign(token.payload, { ...person, email_verified: true });
    },
  );
  server.service.on(
    "beforeUserinfo",
    (response: { body: Record<string, unknown> }, request: IncomingMessage) => {
      const subject = bearerSubject(request);
      const person = Object.values(ISSUER_PEOPLE).find((candidate) => candidate.sub === subject);
      response.body = person ? { ...person, email_verified: true } : { sub: subject ?? "unknown" };
    },
  );

  // The address the app is given, so the issuer in discovery and in tokens matches it exactly.
  server.issuer.url = `http://${host}:${port}`;
  await server.start(port, host);
  return { url: server.issuer.url, close: () => server.stop() };
}
