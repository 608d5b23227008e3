// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const billingOptions = ["mail", "statistics", "internal_mail"] as const;
export type BillingOption = (typeof billingOptions)[number];
export const accountStatuses = ["active", "suspended"] as const;
export const ledgerKinds = ["trial", "topup", "charge", "refund", "adjustment"] as const;
export type LedgerKind = (typeof ledgerKinds)[number];
