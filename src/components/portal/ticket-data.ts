import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { withTenant } from "@/server/db/tenant";
import { DeskError } from "@/server/errors";
import { helpCenterDesk } from "@/server/portal/help";
import { unsafeResolveCustomerLink } from "@/server/portal/links";
import { portalView, type PortalView } from "@/server/portal/service";

export type PortalPage =
  | { state: "invalid" }
  | {
      state: "ok";
      view: PortalView;
      /** A "check my ticket" link: it lists the tickets and opens one by number. */
      listLink: boolean;
      /** The number asked for is not one of this customer's tickets (the list is shown instead). */
      missingNumber: number | null;
      /** The desk's widget colour, and whether it has a help center to link to. */
      color: string | null;
      helpCenter: boolean;
    };

/**
 * What /t/TOKEN shows, read once per request (metadata and page share it). The token is resolved
 * to its desk and customer, then the view is read inside that desk's tenant scope. An unknown or
 * expired token, or a ticket link whose ticket is gone: "invalid", with nothing about the desk.
 */
export const loadPortalPage = cache(async (token: string, number: number | null): Promise<PortalPage> => {
  const db = await getDb();
  const link = await unsafeResolveCustomerLink(db, token);
  if (!link) return { state: "invalid" };
  const listLink = link.ticketId === null;
  let view: PortalView;
  let missingNumber: number | null = null;
  try {
    view = await withTenant(db, link.tenantId, (tx) => portalView(tx, link, listLink ? number : null));
  } catch (error) {
    if (!(error instanceof DeskError && error.code === "NOT_FOUND")) throw error;
    if (!listLink || number === null) return { state: "invalid" };
    missingNumber = number;
    view = await withTenant(db, link.tenantId, (tx) => portalView(tx, link, null));
  }
  const help = await helpCenterDesk(db, view.desk.slug);
  return { state: "ok", view, listLink, missingNumber, color: help?.color ?? null, helpCenter: help !== null };
});
