/** Path of a model's detail page; ids contain slashes, so each segment is encoded on its own. */
export function modelPath(id: string): string {
  return `/catalog/model/${id.split("/").map(encodeURIComponent).join("/")}`;
}

/** Path of the side-by-side comparison of these offerings; an empty list opens it empty. */
export function comparePath(ids: readonly string[]): string {
  return ids.length > 0
    ? `/catalog/compare?ids=${ids.map(encodeURIComponent).join(",")}`
    : "/catalog/compare";
}
