import { methodNotAllowed, route } from "@/lib/http";
import { listPlaygroundModels } from "@/lib/playground/models";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

export const GET = route(async () => Response.json(await listPlaygroundModels()));
