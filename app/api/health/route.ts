import { getHealth } from "@/lib/health";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const report = await getHealth();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
});
