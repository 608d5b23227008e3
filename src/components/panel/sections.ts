import { can, type DeskAction } from "@/server/kernel/permissions";
import { type Role } from "@/server/staff/values";

export const panelSections = [
  { key: "inbox", path: "", action: "desk.read" },
  { key: "tickets", path: "/tickets", action: "desk.read" },
  { key: "kb", path: "/kb", action: "desk.read" },
  { key: "customers", path: "/customers", action: "desk.read" },
  { key: "staff", path: "/staff", action: "staff.manage" },
  { key: "departments", path: "/departments", action: "desk.read" },
  { key: "reports", path: "/reports", action: "desk.read" },
  { key: "events", path: "/events", action: "audit.read" },
  { key: "mail", path: "/mail", action: "desk.read" },
  { key: "billing", path: "/billing", action: "desk.billing" },
  { key: "settings", path: "/settings", action: "desk.settings" },
] as const satisfies readonly { key: string; path: string; action: DeskAction }[];

export type PanelSectionKey = (typeof panelSections)[number]["key"];

/** The sections a role may open (desk-wide actions need no department). */
export function sectionsFor(role: Role) {
  const access = { role, active: true, grants: new Map() };
  return panelSections.filter((s) => can(access, s.action));
}
