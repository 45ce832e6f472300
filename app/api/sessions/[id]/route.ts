import { getSessionDetail, removeSession, renameSchema, renameSession } from "@/lib/history/sessions";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT } = methodNotAllowed(["GET", "PATCH", "DELETE"]);

type Context = { params: Promise<{ id: string }> };

export const GET = route(async (_request, context: Context) =>
  Response.json(await getSessionDetail((await context.params).id)),
);

export const PATCH = route(async (request, context: Context) => {
  const { title } = await readJson(request, renameSchema, { surface: "history" });
  return Response.json(await renameSession((await context.params).id, title));
});

export const DELETE = route(async (_request, context: Context) => {
  await removeSession((await context.params).id);
  return new Response(null, { status: 204 });
});
