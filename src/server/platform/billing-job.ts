import { billingAccounts } from "../billing/schema";
import type { Database } from "../db/types";
import { forEachDesk } from "../tenancy/platform";
import { chargeAndRelease } from "../tickets/held";

/** Every desk with a billing account: the job's one cross-desk read, ids only. */
function unsafeDesksWithAccounts(db: Database) {
  return db.select({ tenantId: billingAccounts.tenantId }).from(billingAccounts);
}

/**
 * The daily job: every desk with an account, each in its own tenant scope and transaction. The
 * list of desk ids is the one cross-desk read (platform work, no desk data). Safe to run twice or
 * on two instances.
 */
export async function runBilling(db: Database, now: Date = new Date()) {
  const desks = await unsafeDesksWithAccounts(db);
  let charged = 0;
  let suspended = 0;
  await forEachDesk(db, "charging the desk's plan for the days due", desks.map((d) => d.tenantId), async (desk) => {
    const result = await desk.run((tx) => chargeAndRelease(tx, desk.tenantId, now));
    charged += result.charged;
    if (result.suspended) suspended += 1;
  });
  return { desks: desks.length, charged, suspended };
}
