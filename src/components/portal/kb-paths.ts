/** Addresses of knowledge-base pages within the site (absolute ones come from the server's `url`). */
export const articlePath = (desk: string, slug: string) => `/help/${desk}/articles/${encodeURIComponent(slug)}`;
export const categoryPath = (desk: string, slug: string) => `/help/${desk}/categories/${encodeURIComponent(slug)}`;
