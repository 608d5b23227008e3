import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/root";

export type Template = inferRouterOutputs<AppRouter>["mail"]["templates"][number];
export type Kind = Template["kind"];
export type Locale = Template["locale"];

export const locales = ["en", "ru"] as const satisfies readonly Locale[];

/** Message keys by kind: next-intl reads dots in a key as nesting. */
export const kindKeys: Record<Kind, string> = {
  "ticket.received": "received",
  "ticket.reply": "reply",
  "ticket.solved": "solved",
  "portal.link": "portalLink",
};
