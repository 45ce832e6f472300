import { createAuthClient } from "better-auth/client";

/** better-auth's browser client: it posts to /api/auth on this origin and follows the issuer's redirect. */
export const authClient = createAuthClient();
