import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { baseUrl, dataDir } from "@/env";
import type { Database } from "../db/types";
import { departments } from "../departments/schema";
import { createDepartment } from "../departments/service";
import { completeSetup, createDeskWithConfirmedOwner } from "../desks/service";
import { tenants } from "../kernel/schema";
import { log } from "../log";
import { asMember } from "../tenancy/member";
import { defaultWidgetFields } from "../widget/inputs";

const demoEmail = "owner@acme.example";
const credentialsFile = () => path.join(dataDir, "demo-sign-in.txt");

/**
 * On a database with no desk at all, creates the demo desk "acme" through the same services a
 * real sign-up uses. Its password is random, kept in DATA_DIR and printed at every start.
 */
export async function seedDemoDesk(db: Database): Promise<void> {
  // Platform-wide count on purpose: the demo is made only when the platform has no desk at all.
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(tenants);
  if (count === 0) {
    const password = crypto.randomBytes(9).toString("base64url");
    const { userId } = await createDeskWithConfirmedOwner(db, { businessName: "Acme", slug: "acme", ownerName: "Alex Owner", email: demoEmail, password });
    // The owner acting on their own new desk, as the setup wizard would.
    await asMember(db, { userId, ip: null, desk: "acme", twoFactor: false }, async (tx, actor) => {
      await completeSetup(tx, actor, {
        displayName: "Acme",
        locale: "en",
        timeZone: "Europe/Berlin",
        planId: "standard",
        departments: ["Support", "Complaints", "Payments"],
        widgetFields: defaultWidgetFields,
      });
      const [support] = await tx.select().from(departments).where(sql`${departments.name} = 'Support'`);
      for (const name of ["Technical", "Returns"]) {
        await createDepartment(tx, actor, { name, description: "", parentId: support!.id, isPublic: true, responsibleMembershipId: null });
      }
    });
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(credentialsFile(), `${demoEmail}\n${password}\n`, { mode: 0o600 });
  }
  if (fs.existsSync(credentialsFile())) {
    const [email, password] = fs.readFileSync(credentialsFile(), "utf8").split("\n");
    log.info({ signIn: `${baseUrl}/signin`, email, password }, "Demo desk 'acme' is ready");
    console.log(`\n  Demo desk: ${baseUrl}/d/acme\n  Sign in as ${email} with password ${password}\n`);
  }
}
