import { getHealth } from "@/lib/health";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

/** Open even when sign-in is required, so load balancers and uptime checks can call it. */
export const GET = route(
  async () => {
    const report = await getHealth();
    return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
  },
  { open: true },
);
