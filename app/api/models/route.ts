import { listModels } from "@/lib/catalog/api";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

export const GET = route(async (request) => listModels(new URL(request.url)));
