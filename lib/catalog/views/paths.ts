/** Path of a model's detail page; ids contain slashes, so each segment is encoded on its own. */
export function modelPath(id: string): string {
  return `/catalog/model/${id.split("/").map(encodeURIComponent).join("/")}`;
}
