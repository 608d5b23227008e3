// Callers and desks made through the real procedures, as the panel would make them.
import { eq } from "drizzle-orm";
import { users } from "@/server/auth/schema";
import { findSessionUser } from "@/server/auth/service";
import { startSession } from "@/server/auth/sessions";
import type { Database } from "@/server/db/types";
import { createCaller } from "@/server/root";
import { tenants } from "@/server/kernel/schema";
import { defaultWidgetFields } from "@/server/widget/inputs";
import { mailedLink, signUpProof } from "@/test/callers";

export type Caller = ReturnType<typeof createCaller>;

const noListen = async () => async () => {};

// One session per person for the whole run: a new row per caller would grow user_sessions and
// skew the timings.
const sessions = new WeakMap<Database, Map<string, string>>();
async function sessionOf(db: Database, userId: string, ip: string): Promise<string> {
  const ofDb = sessions.get(db) ?? new Map<string, string>();
  sessions.set(db, ofDb);
  let sessionId = ofDb.get(userId);
  if (!sessionId) {
    sessionId = await startSession(db, userId, "test", { ip, userAgent: "bench" });
    ofDb.set(userId, sessionId);
  }
  return sessionId;
}

/** A caller as the person with this id, in a session of their own (token version 0), or anonymous. */
export async function callerAs(db: Database, userId: string | null, ip = "198.51.100.7"): Promise<Caller> {
  const sessionId = userId ? await sessionOf(db, userId, ip) : null;
  const user = userId ? await findSessionUser(db, userId, 0, sessionId) : null;
  if (userId && !user) throw new Error(`bench: no such user ${userId}`);
  return createCaller({ db, listen: noListen, user, ip });
}

let clients = 0;
/** A client address of its own for each sign-up: sign-ups are limited per client. */
function benchClient(): string {
  clients += 1;
  return `198.18.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`;
}

export type BenchAgent = { email: string; userId: string; membershipId: string; grants: Record<string, "view" | "reply" | "manage"> };

export type BenchDesk = {
  slug: string;
  tenantId: string;
  ownerUserId: string;
  ownerMembershipId: string;
  /** Every department of the desk by name. */
  departmentIds: Record<string, string>;
  agents: BenchAgent[];
};

/**
 * Sign-up (with the proof of work a browser solves), the confirmation link from the mail and the
 * setup wizard, then sub-departments under the wizard's departments — the path of src/test/callers.ts.
 */
export async function createDesk(db: Database, slug: string, tree: Record<string, string[]>): Promise<BenchDesk> {
  const email = `owner@${slug}.example.com`;
  await (await callerAs(db, null, benchClient())).desk.signUp({
    businessName: `Bench ${slug}`,
    slug,
    ownerName: `Owner of ${slug}`,
    email,
    password: "correct horse battery staple",
    proof: await signUpProof(db),
  });
  await (await callerAs(db, null)).account.verifyEmail({ token: await mailedLink(db, email, "verify-email") });
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!tenant || !person) throw new Error(`bench: sign-up of ${slug} made no desk`);
  const created = { tenantId: tenant.id, userId: person.id };
  const owner = await callerAs(db, created.userId);
  await owner.desk.completeSetup({ desk: slug, displayName: slug, locale: "en", timeZone: "UTC", departments: Object.keys(tree), widgetFields: defaultWidgetFields });
  const top = Object.fromEntries((await owner.departments.list({ desk: slug })).map((d) => [d.name, d.id]));
  for (const [parent, children] of Object.entries(tree)) {
    for (const name of children) await owner.departments.create({ desk: slug, name, parentId: top[parent]!, description: "", isPublic: true, responsibleMembershipId: null });
  }
  const departmentIds = Object.fromEntries((await owner.departments.listAll({ desk: slug })).map((d) => [d.name, d.id]));
  const ownerMembershipId = (await owner.staff.list({ desk: slug })).find((m) => m.userId === created.userId)!.membershipId;
  return { slug, tenantId: created.tenantId, ownerUserId: created.userId, ownerMembershipId, departmentIds, agents: [] };
}

/** Invites an agent and accepts the invitation as a new person, through the real flow. */
export async function addAgent(db: Database, desk: BenchDesk, email: string, grants: Record<string, "view" | "reply" | "manage">): Promise<BenchAgent> {
  const owner = await callerAs(db, desk.ownerUserId);
  const name = email.split("@")[0]!;
  const { link } = await owner.staff.invite({ desk: desk.slug, email, name, role: "agent", grants });
  const token = link.split("/invite/")[1]!;
  await (await callerAs(db, null)).invitation.acceptAsNewPerson({ token, name, password: "correct horse battery staple" });
  const member = (await owner.staff.list({ desk: desk.slug })).find((m) => m.email === email)!;
  const agent = { email, userId: member.userId, membershipId: member.membershipId, grants };
  desk.agents.push(agent);
  return agent;
}
