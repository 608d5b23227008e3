import "server-only";
import { cache } from "react";
import { loadDesk } from "../../_data/desk";
import type { Viewer } from "../../../../../components/inbox/shared";

/** The person looking at a ticket list: name, role and their membership (for "assign to me"). */
export const loadViewer = cache(async (slug: string, path: string) => {
  const loaded = await loadDesk(slug, path);
  const viewer: Viewer = { membershipId: loaded.membershipId, name: loaded.me.name, role: loaded.role };
  return { ...loaded, viewer };
});
