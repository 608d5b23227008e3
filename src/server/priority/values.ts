// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const ruleKinds = ["vip", "domain", "department", "words", "channel", "waiting"] as const;
export type RuleKind = (typeof ruleKinds)[number];
