// Stop under its earlier path; POST /api/playground/stop is the same route.
export { DELETE, GET, PATCH, POST, PUT } from "@/app/api/playground/stop/route";

export const dynamic = "force-dynamic";
