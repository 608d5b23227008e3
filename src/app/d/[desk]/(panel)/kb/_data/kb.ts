import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { baseUrl } from "@/env";
import { loadDesk } from "../../../_data/desk";
import { can } from "@/server/kernel/permissions";

/**
 * The desk of a knowledge-base page and whether the viewer may write it. Owners and admins
 * always may; an agent may when marked as a knowledge-base editor, which desk.get does not
 * report, so the moderation queue (kb.manage only) answers for them.
 */
export const loadKb = cache(async (slug: string, path: string) => {
  const loaded = await loadDesk(slug, path);
  let canEdit = can({ role: loaded.role, active: true, grants: new Map() }, "kb.manage");
  if (!canEdit) {
    try {
      await loaded.api.kb.comments({ desk: slug, status: "pending" });
      canEdit = true;
    } catch (error) {
      if (!(error instanceof TRPCError && error.code === "FORBIDDEN")) throw error;
    }
  }
  return { ...loaded, canEdit, publicBase: `${baseUrl}/help/${loaded.desk.slug}/articles/` };
});
