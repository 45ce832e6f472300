import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Unknown API paths answer in the API's JSON error shape rather than with the HTML 404 page. */
const notFound = route(async (request: Request) => {
  throw new AppError("not_found:api", `There is no API endpoint at ${new URL(request.url).pathname}.`);
});

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
