import { listModels } from "@/lib/catalog/read/listing";
import { getCatalog } from "@/lib/catalog/read/served";
import { methodNotAllowed, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed(["GET"]);

export const GET = route(async (request) => {
  const listing = await listModels(await getCatalog(), new URL(request.url).searchParams);
  if (listing.format === "csv") {
    return new Response(listing.body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="models-${listing.asOf}.csv"`,
      },
    });
  }
  return new Response(listing.body, { headers: { "content-type": "application/json" } });
});
