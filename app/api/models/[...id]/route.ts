import { getModel } from "@/lib/catalog/api";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (_request, context: { params: Promise<{ id: string[] }> }) =>
  getModel((await context.params).id),
);
