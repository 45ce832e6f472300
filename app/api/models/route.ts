import { listModels } from "@/lib/catalog/api";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => listModels(new URL(request.url)));
