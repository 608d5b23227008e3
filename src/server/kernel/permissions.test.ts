import { describe, expect, it } from "vitest";
import { can, departmentsAllowed, effectiveGrants, type Access, type DeskAction } from "./permissions";
import { type GrantLevel, type Role } from "../staff/values";

const support = "dep-support";
const payments = "dep-payments";
const access = (role: Role, grants: Record<string, GrantLevel> = {}, active = true): Access => ({
  role,
  active,
  grants: new Map(Object.entries(grants)),
});

describe("can()", () => {
  const cases: [string, Access, DeskAction, string | null, boolean][] = [
    ["owner pays the bills", access("owner"), "desk.billing", null, true],
    ["owner transfers ownership", access("owner"), "desk.ownership", null, true],
    ["admin may not see billing", access("admin"), "desk.billing", null, false],
    ["admin may not transfer ownership", access("admin"), "desk.ownership", null, false],
    ["admin configures the desk", access("admin"), "desk.settings", null, true],
    ["admin manages staff", access("admin"), "staff.manage", null, true],
    ["admin reads the event log", access("admin"), "audit.read", null, true],
    ["admin works any department", access("admin"), "ticket.manage", payments, true],
    ["agent opens the desk", access("agent"), "desk.read", null, true],
    ["agent may not configure the desk", access("agent"), "desk.settings", null, false],
    ["agent may not read the event log", access("agent"), "audit.read", null, false],
    ["agent may not manage staff", access("agent"), "staff.manage", null, false],
    ["agent may not write the knowledge base", access("agent", { [support]: "manage" }), "kb.manage", null, false],
    ["agent marked as editor writes the knowledge base", { ...access("agent"), kbEditor: true }, "kb.manage", null, true],
    ["an editor flag gives nothing else", { ...access("agent"), kbEditor: true }, "desk.settings", null, false],
    ["admin writes the knowledge base", access("admin"), "kb.manage", null, true],
    ["admin reads the desk's reports", access("admin"), "reports.read", null, true],
    ["agent may not read the desk's reports", access("agent", { [support]: "manage" }), "reports.read", null, false],
    ["agent reads reports of their own work", access("agent"), "reports.own", null, true],
    ["a deactivated agent reads no reports", access("agent", {}, false), "reports.own", null, false],
    ["agent with view sees tickets", access("agent", { [support]: "view" }), "ticket.view", support, true],
    ["agent with view may not reply", access("agent", { [support]: "view" }), "ticket.reply", support, false],
    ["agent with reply replies", access("agent", { [support]: "reply" }), "ticket.reply", support, true],
    ["agent with reply may not forward or merge", access("agent", { [support]: "reply" }), "ticket.manage", support, false],
    ["agent with manage manages", access("agent", { [support]: "manage" }), "ticket.manage", support, true],
    ["agent sees nothing of an ungranted department", access("agent", { [support]: "manage" }), "ticket.view", payments, false],
    ["agent needs a department for ticket actions", access("agent", { [support]: "manage" }), "ticket.view", null, false],
    ["a deactivated owner may do nothing", access("owner", {}, false), "desk.read", null, false],
    ["a deactivated agent may do nothing", access("agent", { [support]: "manage" }, false), "ticket.view", support, false],
  ];
  it.each(cases)("%s", (_label, who, action, department, expected) => {
    expect(can(who, action, department)).toBe(expected);
  });
});

describe("departmentsAllowed()", () => {
  it("gives admins every department and agents only their granted ones", () => {
    expect(departmentsAllowed(access("admin"), "ticket.view", [support, payments])).toBe("all");
    expect(departmentsAllowed(access("agent", { [support]: "view" }), "ticket.view", [support, payments])).toEqual([support]);
    expect(departmentsAllowed(access("agent", { [support]: "view" }), "ticket.reply", [support, payments])).toEqual([]);
  });
});

describe("effectiveGrants()", () => {
  const tree = [
    { id: "support", parentId: null },
    { id: "support-vip", parentId: "support" },
    { id: "support-vip-eu", parentId: "support-vip" },
    { id: "payments", parentId: null },
  ];
  it("passes a grant down to sub-departments", () => {
    const grants = effectiveGrants(tree, new Map([["support", "reply"]]));
    expect(Object.fromEntries(grants)).toEqual({ support: "reply", "support-vip": "reply", "support-vip-eu": "reply" });
  });
  it("lets a sub-department's own grant override the inherited one", () => {
    const grants = effectiveGrants(tree, new Map<string, GrantLevel>([["support", "manage"], ["support-vip", "view"]]));
    expect(Object.fromEntries(grants)).toEqual({ support: "manage", "support-vip": "view", "support-vip-eu": "view" });
  });
  it("survives a cycle in bad data without looping", () => {
    const loop = [{ id: "a", parentId: "b" }, { id: "b", parentId: "a" }];
    expect(Object.fromEntries(effectiveGrants(loop, new Map()))).toEqual({});
  });
});
