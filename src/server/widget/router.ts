import { createTRPCRouter, deskInput, requires } from "../trpc";
import { widgetSettingsInput } from "./inputs";
import { getWidgetSettings, rotateIdentitySecret, updateWidgetSettings } from "./service";

/** Settings → Widget (admins and owners). */
export const widgetRouter = createTRPCRouter({
  settings: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => getWidgetSettings(ctx.tx, ctx.actor)),
  update: requires("desk.settings")
    .input(deskInput(widgetSettingsInput))
    .mutation(({ ctx, input }) => updateWidgetSettings(ctx.tx, ctx.actor, input)),
  rotateSecret: requires("desk.settings")
    .input(deskInput({}))
    .mutation(({ ctx }) => rotateIdentitySecret(ctx.tx, ctx.actor)),
});
