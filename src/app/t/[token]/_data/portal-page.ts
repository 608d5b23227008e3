import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { DeskError } from "@/server/errors";
import { helpCenterDesk } from "@/server/portal/help";
import { portalViewOutput } from "@/server/portal/outputs";
import { portalView, type PortalView } from "@/server/portal/service";
import { savepoint } from "@/server/db/tenant";
import { viaCustomerLink } from "@/server/tenancy/public";

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
  // Parsed through the same output schema as portal.view: only the fields it names reach the page.
  const shown = await viaCustomerLink(db, token, async (tx, link) => {
    const listLink = link.ticketId === null;
    try {
      return { listLink, missingNumber: null, view: portalViewOutput.parse(await savepoint(tx, (attempt) => portalView(attempt, link, listLink ? number : null))) };
    } catch (error) {
      if (!(error instanceof DeskError && error.code === "NOT_FOUND")) throw error;
      if (!listLink || number === null) return null;
      return { listLink, missingNumber: number, view: portalViewOutput.parse(await portalView(tx, link, null)) };
    }
  });
  if (!shown) return { state: "invalid" };
  const help = await helpCenterDesk(db, shown.view.desk.slug);
  return { state: "ok", ...shown, color: help?.color ?? null, helpCenter: help !== null };
});
