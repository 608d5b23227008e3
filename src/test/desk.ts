import type { Database } from "@/server/db/types";
import { callerAs, signUpDesk } from "./callers";
import { defaultWidgetFields } from "@/server/widget/inputs";

/** A desk past its setup wizard, with the given top-level departments, and its owner's caller. */
export async function readyDesk(db: Database, slug: string, departments: string[] = ["Support", "Complaints", "Payments"]) {
  const desk = await signUpDesk(db, { slug });
  await desk.owner.desk.completeSetup({ desk: slug, displayName: slug, locale: "en", timeZone: "UTC", departments, widgetFields: defaultWidgetFields });
  const list = await desk.owner.departments.list({ desk: slug });
  const byName = Object.fromEntries(list.map((d) => [d.name, d.id]));
  return { ...desk, departmentIds: byName };
}

/** Invites a person through the real flow and accepts as someone new; returns their caller. */
export async function inviteAndJoin(
  db: Database,
  desk: Awaited<ReturnType<typeof readyDesk>>,
  person: { email: string; role?: "admin" | "agent"; grants?: Record<string, "view" | "reply" | "manage"> },
) {
  const { link } = await desk.owner.staff.invite({
    desk: desk.slug,
    email: person.email,
    name: person.email.split("@")[0]!,
    role: person.role ?? "agent",
    grants: person.grants ?? {},
  });
  const token = link.split("/invite/")[1]!;
  await (await callerAs(db)).invitation.acceptAsNewPerson({ token, name: person.email.split("@")[0]!, password: "correct horse battery" });
  const members = await desk.owner.staff.list({ desk: desk.slug });
  const member = members.find((m) => m.email === person.email)!;
  return { caller: await callerAs(db, member.userId), member, token };
}
