import { describeModel, modelIdOf } from "@/lib/catalog/read/listing";
import { getCatalog } from "@/lib/catalog/read/served";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

export const GET = route(async (_request, context: { params: Promise<{ id: string[] }> }) => {
  const id = modelIdOf((await context.params).id);
  return Response.json(await describeModel(await getCatalog(), id));
});
