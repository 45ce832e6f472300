import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { PATH_HEADER } from "@/lib/security/headers";
import type { Viewer } from "./rules";
import { authEnabled, isPublicPath } from "./settings";
import { viewerOfHeaders } from "./viewer";

/**
 * The signed-in person for a page. The proxy already sent visitors without a session cookie to sign
 * in; this verifies the cookie and does the same for one that is expired or forged.
 */
export async function pageViewer(): Promise<Viewer | null> {
  if (!authEnabled()) return null;
  const requestHeaders = await headers();
  const viewer = await viewerOfHeaders(requestHeaders);
  const path = requestHeaders.get(PATH_HEADER) ?? "/";
  if (!viewer && !isPublicPath(new URL(path, "http://app.local").pathname)) {
    redirect(path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`);
  }
  return viewer;
}
