// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const deskLocales = ["en", "ru"] as const;
export type DeskLocale = (typeof deskLocales)[number];
export const widgetFieldNames = ["name", "email", "subject", "message", "phone", "department"] as const;
export type WidgetFieldName = (typeof widgetFieldNames)[number];

/** What the directory of cross-desk unique keys (global_keys) holds. */
export const globalKeyKinds = ["desk_slug", "invitation", "widget_key", "customer_link", "inbound_key", "sending_token", "stripe_checkout", "stripe_event", "stripe_topup"] as const;
export type GlobalKeyKind = (typeof globalKeyKinds)[number];
