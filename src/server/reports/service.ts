import { hasOption } from "../billing/account";
import type { TenantDb } from "../db/types";
import { listDepartments } from "../departments/service";
import { DeskError } from "../errors";
import type { Actor } from "../kernel/actor";
import { can } from "../kernel/permissions";
import { listStaff } from "../staff/service";
import { kbDeflections } from "./deflections";
import type { ReportFilter } from "./inputs";
import { satisfaction } from "./satisfaction";
import { reportScope } from "./scope";
import { staffStatistics } from "./staff";
import { responseTimes } from "./times";
import { backlog, channelMix, ticketRhythms } from "./volume";
import { recordEvent } from "../kernel/events";
import { getDesk, updateDesk } from "../kernel/desk";

/** Names for the ids in a report: departments (archived ones too) and staff. */
async function namesOf(tx: TenantDb) {
  const [departments, staff] = await Promise.all([listDepartments(tx, { includeArchived: true }), listStaff(tx)]);
  const department = new Map(departments.map((d) => [d.id, d.name]));
  const person = new Map(staff.map((s) => [s.membershipId, s.name]));
  return {
    department: (id: string) => department.get(id) ?? "",
    /** null for tickets nobody is assigned to, or a former colleague's removed membership. */
    agent: (id: string | null) => (id ? (person.get(id) ?? null) : null),
  };
}

export async function rhythmsReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  return ticketRhythms(tx, await reportScope(tx, actor, filter));
}

export async function backlogReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  return backlog(tx, await reportScope(tx, actor, filter));
}

export async function channelsReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  return channelMix(tx, await reportScope(tx, actor, filter));
}

export async function timesReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  const scope = await reportScope(tx, actor, filter);
  const [times, names] = await Promise.all([responseTimes(tx, scope), namesOf(tx)]);
  return {
    total: times.total,
    byDepartment: times.byDepartment.map((row) => ({ ...row, name: names.department(row.departmentId) })).sort((a, b) => b.tickets - a.tickets),
    byAgent: times.byAgent.map((row) => ({ ...row, name: names.agent(row.agentId) })).sort((a, b) => b.tickets - a.tickets),
  };
}

/** CSAT for owners and admins; null for agents, who see no ratings (not even of their own replies). */
export async function satisfactionReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  const scope = await reportScope(tx, actor, filter);
  const [figures, names] = await Promise.all([satisfaction(tx, scope), namesOf(tx)]);
  if (!figures) return null;
  return {
    target: figures.target,
    total: figures.total,
    byAgent: figures.byAgent.map((row) => ({ ...row, name: names.agent(row.agentId) })).sort((a, b) => b.ratings - a.ratings),
    byDepartment: figures.byDepartment.map((row) => ({ ...row, name: names.department(row.departmentId) })).sort((a, b) => b.ratings - a.ratings),
  };
}

export async function deflectionsReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  return kbDeflections(tx, await reportScope(tx, actor, filter));
}

export async function staffReport(tx: TenantDb, actor: Actor, filter: ReportFilter) {
  return staffStatistics(tx, await reportScope(tx, actor, filter));
}

/** The desk's satisfaction target (owners and admins, Settings rights), in percent. */
export async function setCsatTarget(tx: TenantDb, actor: Actor, target: number) {
  if (!can(actor.access, "desk.settings")) throw new DeskError("FORBIDDEN", "permission.denied");
  const before = await getDesk(tx);
  const rounded = Math.round(target * 10) / 10;
  await updateDesk(tx, { csatTarget: rounded });
  await recordEvent(tx, actor, { action: "desk.csatTargetChanged", objectType: "desk", objectId: actor.tenantId, summary: { from: before.csatTarget, to: rounded } });
  return { csatTarget: rounded };
}

/** What the Reports page may show this person: whether the desk has the option, and whose figures. */
export async function reportAccess(tx: TenantDb, actor: Actor) {
  const desk = await getDesk(tx);
  return {
    statistics: await hasOption(tx, "statistics"),
    scope: can(actor.access, "reports.read") ? ("desk" as const) : ("own" as const),
    csatTarget: desk.csatTarget,
    canSetTarget: can(actor.access, "desk.settings"),
    canBuyOption: can(actor.access, "desk.billing"),
    timeZone: desk.timeZone,
  };
}
