import { listModels } from "@/lib/catalog/read/listing";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

export const GET = route(async (request) => {
  const { body, headers } = await listModels(new URL(request.url).searchParams);
  return new Response(body, { headers });
});
