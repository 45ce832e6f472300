import { getAuth } from "@/lib/auth/server";
import { authEnabled } from "@/lib/auth/settings";
import { AppError } from "@/lib/errors";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);

/** better-auth's endpoints (sign-in redirect, the issuer's callback, session, sign-out). */
const handle = route(
  async (request: Request) => {
    if (!authEnabled()) {
      throw new AppError("not_found:api", "Sign-in is not configured on this server.");
    }
    return (await getAuth()).handler(request);
  },
  { open: true },
);

export { handle as GET, handle as POST };
