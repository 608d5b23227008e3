import { authedProcedure, createTRPCRouter, deskInput, deskProcedure } from "../trpc";
import { passwordChangeInput, profileInput } from "../staff/inputs";
import { changePassword, getProfile, updateProfile } from "./profile";

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, locale: ctx.user.locale })),
  profile: deskProcedure.input(deskInput({})).query(({ ctx }) => getProfile(ctx.tx, ctx.actor)),
  updateProfile: deskProcedure
    .input(deskInput(profileInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => updateProfile(ctx.tx, ctx.actor, input)),
  changePassword: deskProcedure
    .input(deskInput(passwordChangeInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => changePassword(ctx.tx, ctx.actor, input)),
});
