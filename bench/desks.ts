// Callers and desks made through the real procedures, as the panel would make them.
import { findSessionUser } from "@/server/auth/service";
import type { Database } from "@/server/db/types";
import { createCaller } from "@/server/root";
import { defaultWidgetFields } from "@/server/widget/inputs";

export type Caller = ReturnType<typeof createCaller>;

const noListen = async () => async () => {};

/** A caller as the person with this id (token version 0: never signed out), or anonymous. */
export async function callerAs(db: Database, userId: string | null, ip = "198.51.100.7"): Promise<Caller> {
  const user = userId ? await findSessionUser(db, userId, 0) : null;
  if (userId && !user) throw new Error(`bench: no such user ${userId}`);
  return createCaller({ db, listen: noListen, user, ip });
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

/** Sign-up and the setup wizard, then sub-departments under the wizard's departments. */
export async function createDesk(db: Database, slug: string, tree: Record<string, string[]>): Promise<BenchDesk> {
  const email = `owner@${slug}.example.com`;
  const created = await (await callerAs(db, null)).desk.signUp({
    businessName: `Bench ${slug}`,
    slug,
    ownerName: `Owner of ${slug}`,
    email,
    password: "correct horse battery staple",
  });
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
