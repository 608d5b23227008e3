// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const roles = ["owner", "admin", "agent"] as const;
export type Role = (typeof roles)[number];
export const grantLevels = ["view", "reply", "manage"] as const;
export type GrantLevel = (typeof grantLevels)[number];
