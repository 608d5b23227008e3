// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const ticketStatuses = ["new", "open", "pending", "on_hold", "solved", "closed"] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
export const priorities = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof priorities)[number];
export const channels = ["panel", "widget", "mail", "api"] as const;
export type Channel = (typeof channels)[number];
export const heldReasons = ["plan_limit", "suspended", "blocked_customer", "stop_list", "spam"] as const;
export type HeldReason = (typeof heldReasons)[number];
export const messageKinds = ["customer", "reply", "note"] as const;
export type MessageKind = (typeof messageKinds)[number];
