// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const slaKinds = ["first_response", "next_response", "resolution"] as const;
export type SlaKind = (typeof slaKinds)[number];
export const escalationPriorities = ["raise", "low", "normal", "high", "urgent"] as const;
export type EscalationPriority = (typeof escalationPriorities)[number];
