import { currentUserId } from "@/lib/auth/viewer";
import { castVote, readRunVotes, voteBodySchema } from "@/lib/evals/grade/votes";
import { methodNotAllowed, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const { PUT, PATCH, DELETE } = methodNotAllowed(["GET", "POST"]);

type Context = { params: Promise<{ runId: string }> };

/** The run's votes and the next pair to vote on. */
export const GET = route(async (_request, context: Context) =>
  Response.json(await readRunVotes((await context.params).runId)),
);

export const POST = route(async (request, context: Context) => {
  const body = await readJson(request, voteBodySchema, { surface: "evals" });
  return Response.json(
    await castVote({ runId: (await context.params).runId, body, createdBy: currentUserId() }),
    { status: 201 },
  );
});
