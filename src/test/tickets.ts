import type { readyDesk } from "./desk";

type Desk = Awaited<ReturnType<typeof readyDesk>>;

/** Files a ticket through the staff procedure, as a desk member would from the panel. */
export function fileTicket(desk: Desk, overrides: { subject?: string; body?: string; email?: string; name?: string; department?: string; priority?: "low" | "normal" | "high" | "urgent"; tags?: string[] } = {}) {
  return desk.owner.tickets.create({
    desk: desk.slug,
    subject: overrides.subject ?? "Cannot log in",
    body: overrides.body ?? "The login page says my password is wrong.",
    customerEmail: overrides.email ?? "customer@example.com",
    customerName: overrides.name ?? "Casey Customer",
    departmentId: desk.departmentIds[overrides.department ?? "Support"]!,
    priority: overrides.priority ?? "normal",
    assigneeMembershipId: null,
    tags: overrides.tags ?? [],
  });
}
