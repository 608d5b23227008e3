// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const stopKinds = ["email", "domain", "word", "ip"] as const;
export type StopKind = (typeof stopKinds)[number];
