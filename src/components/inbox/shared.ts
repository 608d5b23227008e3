import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";
import { type Role } from "@/server/staff/values";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;
export type InboxRow = Outputs["tickets"]["inbox"]["tickets"][number];
export type InboxInput = Inputs["tickets"]["inbox"];
export type SearchRow = Outputs["tickets"]["search"][number];
export type QueueCounts = Outputs["tickets"]["counts"];
export type DepartmentItem = Outputs["departments"]["list"][number];
export type StaffItem = Outputs["staff"]["list"][number];
export type CustomerItem = Outputs["customers"]["list"]["customers"][number];

export { priorities, statuses, statusVariant } from "@/components/ticket/shared";
export const views = ["all", "mine", "unassigned", "pending", "solved", "trash", "held"] as const;
export type View = (typeof views)[number];
export const sorts = ["newest", "oldest", "priority", "lastCustomer", "dueSoonest"] as const;
export type Sort = (typeof sorts)[number];


/** Who is looking: their membership on this desk and role (the server checks every call again). */
export type Viewer = { membershipId: string | null; name: string; role: Role };

/** Owners and admins see every department, the held tickets and the staff list. */
export const isManager = (role: Role) => role === "owner" || role === "admin";

export const ticketHref = (desk: string, ticketId: string) => `/d/${desk}/tickets/${ticketId}`;

/** The same rule as the server's tag schema: letters, digits, "-" and "_", at most 40. */
const tagPattern = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().replace(/^#/, "").toLowerCase();
  return tag.length > 0 && tag.length <= 40 && tagPattern.test(tag) ? tag : null;
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
