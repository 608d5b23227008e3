import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import type { BadgeVariant } from "@/components/ui/badge";
import { can, type Access, type DeskAction } from "@/server/kernel/permissions";
import { type GrantLevel, type Role } from "@/server/staff/values";
import { type Priority, type TicketStatus } from "@/server/tickets/values";

type Outputs = inferRouterOutputs<AppRouter>;
export type TicketData = Outputs["tickets"]["get"];
export type TicketMessage = TicketData["messages"][number];
export type TicketEvent = TicketData["events"][number];
export type CannedReply = Outputs["canned"]["list"][number];

// Kept here (not imported from the server schema) so the browser bundle stays free of drizzle.
export const statuses = ["new", "open", "pending", "on_hold", "solved", "closed"] as const satisfies readonly TicketStatus[];
export const priorities = ["low", "normal", "high", "urgent"] as const satisfies readonly Priority[];

export const statusVariant: Record<TicketStatus, BadgeVariant> = {
  new: "brand",
  open: "info",
  pending: "warning",
  on_hold: "neutral",
  solved: "success",
  closed: "neutral",
};

export const priorityVariant: Record<Priority, BadgeVariant> = {
  low: "neutral",
  normal: "neutral",
  high: "warning",
  urgent: "danger",
};

/** The same rule as the server's tag schema: letters, digits, "-" and "_", at most 40. */
const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().replace(/^#/, "").toLowerCase();
  return tag.length > 0 && tag.length <= 40 && tagPattern.test(tag) ? tag : null;
}
export const maxTags = 20;

/** Who is looking at the page: their membership on this desk, role and department grants. */
export type Viewer = {
  membershipId: string;
  name: string;
  role: Role;
  grants: Record<string, GrantLevel>;
};

/** can() of the server, on the viewer's role and grants (the server checks again on every call). */
export function viewerCan(viewer: Viewer, action: DeskAction, departmentId?: string | null): boolean {
  const access: Access = { role: viewer.role, active: true, grants: new Map(Object.entries(viewer.grants)) };
  return can(access, action, departmentId);
}

export type DeskInfo = { slug: string; displayName: string; timeZone: string };

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}
