// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const deskLocales = ["en", "ru"] as const;
export type DeskLocale = (typeof deskLocales)[number];
export const widgetFieldNames = ["name", "email", "subject", "message", "phone", "department"] as const;
export type WidgetFieldName = (typeof widgetFieldNames)[number];
