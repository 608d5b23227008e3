import { DeskError } from "../errors";
import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, publicProcedure } from "../trpc";
import { unsafeVerifyEmail } from "./verify-email";
import { getNotifications, setNotifications } from "../staff/notifications";
import { passwordChangeInput, profileInput } from "../staff/inputs";
import { notificationChoices, verifyEmailInput } from "./inputs";
import { changePassword } from "./people";
import { getProfile, updateProfile } from "../staff/profile";

export const accountRouter = createTRPCRouter({
  /** Which staff mails the person wants on this desk (new tickets, assignments). */
  notifications: deskProcedure.input(deskInput({})).query(({ ctx }) => getNotifications(ctx.tx, ctx.actor)),
  setNotifications: deskProcedure
    .input(deskInput(notificationChoices))
    .mutation(({ ctx, input }) => setNotifications(ctx.tx, ctx.actor, input)),
  /** Confirms an email address from the link mailed at sign-up (a POST: following a link alone changes nothing). */
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(async ({ ctx, input }) => {
    if (!(await unsafeVerifyEmail(ctx.db, input.token))) throw new DeskError("NOT_FOUND", "verifyEmail.invalid");
    return { verified: true };
  }),
  me: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, locale: ctx.user.locale })),
  profile: deskProcedure.input(deskInput({})).query(({ ctx }) => getProfile(ctx.tx, ctx.actor)),
  updateProfile: deskProcedure
    .input(deskInput(profileInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => updateProfile(ctx.tx, ctx.actor, input)),
  changePassword: deskProcedure
    .input(deskInput(passwordChangeInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => changePassword(ctx.tx, ctx.actor, input)),
});
