// The playground's run stream under its earlier path; POST /api/playground/runs is the same route.
import { POST } from "@/app/api/playground/runs/route";
import { serveDirectly } from "@/lib/server-hook";

export { DELETE, GET, PATCH, POST, PUT } from "@/app/api/playground/runs/route";

export const dynamic = "force-dynamic";

serveDirectly("POST", "/api/compare", POST);
