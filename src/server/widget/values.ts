// The fixed lists of values this domain's tables and input schemas share. Plain constants, so a
// form can import them without pulling the table definitions into the browser.

export const widgetPositions = ["right", "left"] as const;
export type WidgetPosition = (typeof widgetPositions)[number];
