"use client";

import { useTranslations } from "next-intl";
import type { AuditEventRow } from "@/server/audit/service";
import type { StaffMember } from "@/server/staff/service";

export type EventDescription = { object: string | null; change: string | null };

type Summary = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const record = (value: unknown): Summary => (value && typeof value === "object" && !Array.isArray(value) ? (value as Summary) : {});
const arrow = (before: string, after: string) => `${before} → ${after}`;

/**
 * Turns an event's summary into what the log shows: the object it concerned (a department, a
 * colleague, the desk) and, for changes, a short "before → after". Unknown shapes fall back to a
 * name in the summary, so events written by newer code still read sensibly.
 */
export function useEventDescriber(staff: readonly StaffMember[]) {
  const t = useTranslations("panel.events.detail");
  const tRole = useTranslations("panel.userMenu.role");
  const tLanguage = useTranslations("common.languages");
  const tField = useTranslations("setup.form.fields");
  const tSlaKind = useTranslations("sla.clocks.kinds");
  const people = new Map(staff.map((person) => [person.membershipId, person.name]));

  const role = (value: unknown) => {
    const key = text(value);
    return key && tRole.has(key) ? tRole(key) : key;
  };
  const language = (value: unknown) => {
    const key = text(value);
    return key && tLanguage.has(key) ? tLanguage(key) : key;
  };
  const person = (membershipId: unknown, fallback?: unknown) => {
    const id = text(membershipId);
    return (id ? people.get(id) : undefined) ?? text(fallback);
  };
  /** "Name: A → B; Language: English → Русский" for the fields that differ. */
  const changes = (before: Summary, after: Summary, fields: Record<string, (value: unknown) => string | null>) => {
    const parts = Object.entries(fields)
      .filter(([key]) => key in after && before[key] !== after[key])
      .map(([key, show]) => `${t(`fields.${key}`)}: ${arrow(show(before[key]) ?? "—", show(after[key]) ?? "—")}`);
    return parts.length > 0 ? parts.join("; ") : null;
  };

  return (event: Pick<AuditEventRow, "action" | "objectId" | "summary">): EventDescription => {
    const s = event.summary ?? {};
    const before = record(s.before);
    const after = record(s.after);
    switch (event.action) {
      case "auth.signedIn":
      case "profile.passwordChanged":
        return { object: null, change: null };
      case "desk.created":
        return { object: text(s.businessName) ?? text(s.slug), change: text(s.slug) };
      case "desk.setupCompleted": {
        const departments = Array.isArray(s.departments) ? s.departments.filter((d) => typeof d === "string") : [];
        return { object: text(s.displayName), change: departments.length > 0 ? t("departments", { names: departments.join(", ") }) : null };
      }
      case "desk.profileUpdated":
        return { object: text(after.displayName), change: changes(before, after, { displayName: text, locale: language, timeZone: text }) };
      case "desk.widgetFieldsUpdated": {
        const old = new Map((Array.isArray(s.before) ? s.before : []).map((f: Summary) => [f.name, f]));
        const changed = (Array.isArray(s.after) ? s.after : [])
          .filter((f: Summary) => old.get(f.name)?.enabled !== f.enabled || old.get(f.name)?.required !== f.required)
          .map((f: Summary) => (typeof f.name === "string" && tField.has(f.name) ? tField(f.name) : String(f.name)));
        return { object: t("ticketForm"), change: changed.length > 0 ? t("changedFields", { names: changed.join(", ") }) : null };
      }
      case "department.updated": {
        const visibility = (value: unknown) => (value === true ? t("public") : value === false ? t("internal") : null);
        const responsible = (value: unknown) => (value === null ? t("nobody") : person(value));
        return { object: text(s.name), change: changes(before, after, { name: text, isPublic: visibility, responsibleMembershipId: responsible }) };
      }
      case "department.moved":
        return { object: text(s.name), change: s.direction === "up" ? t("movedUp") : s.direction === "down" ? t("movedDown") : null };
      case "staff.invited":
        return { object: [text(s.name), text(s.email) && `<${text(s.email)}>`].filter(Boolean).join(" ") || null, change: role(s.role) };
      case "staff.joined":
        return { object: person(event.objectId, s.email), change: role(s.role) };
      case "staff.roleChanged":
        return { object: person(event.objectId), change: text(s.before) && text(s.after) ? arrow(role(s.before)!, role(s.after)!) : null };
      case "staff.grantsChanged":
        return { object: person(event.objectId), change: t("grants", { count: Object.keys(record(s.after)).length }) };
      case "staff.deactivated":
      case "staff.reactivated":
        return { object: person(event.objectId), change: null };
      case "staff.ownershipTransferred": {
        const from = person(s.from);
        const to = person(s.to ?? event.objectId);
        return { object: to, change: from && to ? arrow(from, to) : null };
      }
      case "sla.breached": {
        const kind = text(s.kind);
        return { object: typeof s.number === "number" ? `#${s.number}` : null, change: kind && tSlaKind.has(kind) ? tSlaKind(kind as "resolution") : kind };
      }
      case "profile.updated":
        return { object: text(s.name), change: changes(before, after, { name: text, locale: language }) };
      default:
        for (const key of ["name", "displayName", "slug", "email"]) {
          const value = text(s[key]);
          if (value) return { object: value, change: null };
        }
        return { object: null, change: null };
    }
  };
}
