import { type GrantLevel, type Role } from "../staff/values";

/** What a desk member may do; the one place permissions are decided. */
export type DeskAction =
  | "desk.read"
  | "desk.settings"
  | "desk.billing"
  | "desk.ownership"
  | "staff.manage"
  | "departments.manage"
  | "audit.read"
  | "kb.manage"
  | "reports.read"
  | "reports.own"
  | "ticket.view"
  | "ticket.reply"
  | "ticket.manage"
  | "ticket.purge";

export type DepartmentNode = { id: string; parentId: string | null };

/** A membership as permissions see it: grants are already effective (inherited down the tree). */
export type Access = {
  role: Role;
  active: boolean;
  grants: ReadonlyMap<string, GrantLevel>;
  /** An agent allowed to write the knowledge base. */
  kbEditor?: boolean;
};

const levelRank: Record<GrantLevel, number> = { view: 1, reply: 2, manage: 3 };
const departmentActions: Record<string, GrantLevel> = {
  "ticket.view": "view",
  "ticket.reply": "reply",
  "ticket.manage": "manage",
};
const ownerOnly = new Set<DeskAction>(["desk.billing", "desk.ownership"]);

export function can(access: Access, action: DeskAction, departmentId?: string | null): boolean {
  if (!access.active) return false;
  if (action === "desk.read") return true;
  // Every member reads reports of their own work; "reports.read" (the whole desk) is management's.
  if (action === "reports.own") return true;
  if (access.role === "owner") return true;
  if (ownerOnly.has(action)) return false;
  if (access.role === "admin") return true;
  if (action === "kb.manage") return access.kbEditor === true;
  const needed = departmentActions[action];
  if (!needed || !departmentId) return false;
  const granted = access.grants.get(departmentId);
  return granted !== undefined && levelRank[granted] >= levelRank[needed];
}

/** The departments where `action` is allowed, for filtering lists in SQL; "all" for owners and admins. */
export function departmentsAllowed(access: Access, action: DeskAction, departmentIds: string[]): "all" | string[] {
  if (access.active && (access.role === "owner" || access.role === "admin")) return "all";
  return departmentIds.filter((id) => can(access, action, id));
}

/**
 * Grants flow down the department tree: a grant on a department applies to its sub-departments
 * unless a sub-department has a grant of its own (which overrides, up or down).
 */
export function effectiveGrants(departments: DepartmentNode[], direct: ReadonlyMap<string, GrantLevel>): Map<string, GrantLevel> {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const result = new Map<string, GrantLevel>();
  for (const department of departments) {
    const seen = new Set<string>();
    for (let node: DepartmentNode | undefined = department; node && !seen.has(node.id); node = node.parentId ? byId.get(node.parentId) : undefined) {
      seen.add(node.id);
      const level = direct.get(node.id);
      if (level) {
        result.set(department.id, level);
        break;
      }
    }
  }
  return result;
}
