// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const outboxStatuses = ["queued", "sent", "failed", "stored", "held"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export const mailDirections = ["in", "out"] as const;
export const mailOutcomes = ["new_ticket", "appended", "auto_reply", "bounce", "own_address", "duplicate"] as const;
export type MailOutcome = (typeof mailOutcomes)[number];
export const templateKinds = ["ticket.received", "ticket.reply", "ticket.solved", "portal.link"] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** Why an imported mail joined its ticket, or "new" when it started one (shown on the message). */
export const matchedByValues = ["reply_address", "message_id", "references", "subject_tag", "new"] as const;
export type MatchedByValue = (typeof matchedByValues)[number];
