import { AppError } from "@/lib/errors";

/** The 401 every API route answers in a shared deployment to a caller it cannot identify. */
export function unauthorizedError(
  message = "Sign in first, or send the header Authorization: Bearer <API token>.",
): AppError {
  return new AppError("unauthorized:auth", message);
}
