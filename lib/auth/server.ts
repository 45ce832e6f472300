import type { GenericEndpointContext } from "better-auth";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { getDb } from "@/db/client";
import { getAuthUserById, promoteFirstAdmin, updateAuthUserRole } from "@/db/queries/api-tokens";
import { authAccounts, authSessions, authUsers, authVerifications } from "@/db/schema";
import { asRole, emailDomainAllowed, roleAtSignIn, roleForNewUser } from "./rules";
import { type AuthSettings, authSettings } from "./settings";

/** The id the issuer has in URLs: the callback the issuer must allow is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

function createAuth(settings: AuthSettings, db: Awaited<ReturnType<typeof getDb>>) {
  // In the issuer's callback the refusal is a redirect to the sign-in page, which explains it.
  const refuseDomain = (email: string, context: GenericEndpointContext | null) => {
    if (emailDomainAllowed(email, settings.allowedEmailDomains)) return;
    if (context) throw context.redirect("/sign-in?error=email_domain_not_allowed");
    throw new APIError("FORBIDDEN", { message: "email_domain_not_allowed" });
  };
  return betterAuth({
    appName: "ModelLedger",
    baseURL: settings.appOrigin,
    basePath: "/api/auth",
    secret: settings.secret,
    trustedOrigins: [settings.appOrigin],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
      },
    }),
    user: { additionalFields: { role: { type: "string", defaultValue: "member", input: false } } },
    telemetry: { enabled: false },
    // Failures of the issuer's redirect land on the sign-in page, which explains the `error` code.
    onAPIError: { errorURL: "/sign-in" },
    databaseHooks: {
      user: {
        create: {
          before: async (user, context) => {
            refuseDomain(user.email, context);
            const role = roleForNewUser({ email: user.email, adminEmails: settings.adminEmails });
            return { data: { ...user, role } };
          },
          // With no admin list, the first person in becomes the admin; the lock makes it one person.
          after: async (user) => {
            if (settings.adminEmails.length === 0) await promoteFirstAdmin({ db, id: user.id });
          },
        },
      },
      session: {
        create: {
          // Checked on every sign-in too, so narrowing the allowed domains shuts out existing users.
          before: async (session, context) => {
            const user = await getAuthUserById({ db, id: session.userId });
            if (!user) return false;
            refuseDomain(user.email, context);
            const current = asRole(user.role);
            const role = roleAtSignIn({ email: user.email, adminEmails: settings.adminEmails, current });
            if (role !== current) await updateAuthUserRole({ db, id: user.id, role });
          },
        },
      },
    },
    plugins: [
      genericOAuth({
        config: [
          {
            providerId: OIDC_PROVIDER_ID,
            name: settings.issuerName,
            discoveryUrl: `${settings.issuer}/.well-known/openid-configuration`,
            requireIdTokenVerification: true,
            clientId: settings.clientId,
            clientSecret: settings.clientSecret,
            scopes: ["openid", "email", "profile"],
            // Signing out ends the session here only, not the person's session at the issuer.
            disableProviderLogout: true,
          },
        ],
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { __auth?: Promise<Auth> };

/** The one better-auth instance, made on first use; only called when sign-in is configured. */
export function getAuth(): Promise<Auth> {
  const settings = authSettings();
  if (!settings) throw new Error("getAuth() called while sign-in is not configured");
  globalForAuth.__auth ??= getDb().then((db) => createAuth(settings, db));
  return globalForAuth.__auth;
}
