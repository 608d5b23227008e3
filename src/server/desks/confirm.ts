import type { Database } from "../db/types";
import { grantTrialCredit } from "../billing/account";
import { unsafeConfirmAddress } from "../auth/confirmation";
import { hasSecondFactor } from "../auth/second-factor";
import { issueTicket } from "../auth/tickets";
import { DeskError } from "../errors";
import { releaseHeldMail } from "../outbox/outbox";
import { forEachDeskOfMember } from "../tenancy/accounts";

/**
 * The confirmation link of a new owner (a button on its page: following the link alone changes
 * nothing). The address is proven: each desk the person owns gets its trial credit (once) and the
 * customer mail it held goes out, in order; then the person continues signed in — through their
 * second factor first, when they have one.
 */
export async function confirmOwnerAddress(db: Database, token: string): Promise<{ step: "code" | "signIn"; ticket: string }> {
  const confirmed = await db.transaction((tx) => unsafeConfirmAddress(tx, token));
  if (!confirmed) throw new DeskError("NOT_FOUND", "verifyEmail.invalid");
  await forEachDeskOfMember(
    db,
    confirmed.userId,
    async (tx, tenantId) => {
      await grantTrialCredit(tx, tenantId);
      await releaseHeldMail(tx);
    },
    { owned: true },
  );
  if (await hasSecondFactor(db, confirmed.userId)) return { step: "code", ticket: await issueTicket(db, confirmed.userId, "second_factor", "email_link") };
  return { step: "signIn", ticket: await issueTicket(db, confirmed.userId, "sign_in", "email_link") };
}
