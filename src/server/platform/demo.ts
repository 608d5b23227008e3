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
// Any constant: instances starting at once on one Postgres make the demo desk one after the other.
const DEMO_SEED_LOCK = 72_231_002;

let seeding: Promise<void> = Promise.resolve();

/**
 * On a database with no desk at all, creates the demo desk "acme" through the same services a
 * real sign-up uses. Its password is random and kept in DATA_DIR; only with the embedded database
 * (a quick start on one machine) is it printed to the console, and it never goes to the log.
 * Safe when several instances start at once on one Postgres: the check and the creation run under
 * an advisory lock, held by a transaction of its own while the seed writes through the pool. The
 * embedded database belongs to one process, where calls simply queue.
 */
export async function seedDemoDesk(db: Database, kind: "pglite" | "postgres"): Promise<void> {
  if (kind === "postgres") {
    await db.transaction(async (lock) => {
      await lock.execute(sql`select pg_advisory_xact_lock(${DEMO_SEED_LOCK})`);
      await seedOnce(db);
    });
  } else {
    const next = seeding.then(() => seedOnce(db));
    seeding = next.catch(() => undefined);
    await next;
  }
  announce(kind);
}

async function seedOnce(db: Database): Promise<void> {
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
}

/** Says where the demo desk is; its password only on the console of an embedded quick start. */
function announce(kind: "pglite" | "postgres") {
  if (!fs.existsSync(credentialsFile())) return;
  const [email, password] = fs.readFileSync(credentialsFile(), "utf8").split("\n");
  log.info({ desk: `${baseUrl}/d/acme`, email, credentials: credentialsFile() }, "Demo desk 'acme' is ready (its password is in the credentials file)");
  if (kind === "pglite") console.log(`\n  Demo desk: ${baseUrl}/d/acme\n  Sign in as ${email} with password ${password}\n`);
}
