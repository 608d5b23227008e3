import { env } from "@/env";
import { confirmOwnerAddress } from "../desks/confirm";
import { getNotifications, setNotifications } from "../staff/notifications";
import { passwordChangeInput, profileInput } from "../staff/inputs";
import { getProfile, updateProfile } from "../staff/profile";
import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, publicProcedure, type Context } from "../trpc";
import { deviceCookie, deviceFromHeaders } from "./devices";
import {
  disableTwoFactorInput,
  enrolmentCodeInput,
  forgotPasswordInput,
  notificationChoices,
  renewCodesInput,
  resetLinkInput,
  resetPasswordInput,
  sessionIdInput,
  signInCodeInput,
  signInInput,
  verifyEmailInput,
} from "./inputs";
import { changePassword } from "./people";
import { requestPasswordReset, resetLinkState, resetPassword } from "./reset";
import { beginEnrolment, confirmEnrolment, disableSecondFactor, renewRecoveryCodes, secondFactorState } from "./second-factor";
import { checkCode } from "./service";
import { listSessions, revokeSession, revokeSessions } from "./sessions";
import { checkPassword } from "./sign-in";

/** The client of a sign-in step: its address and the device cookie it carries. */
const clientOf = (ctx: Context) => ({ ip: ctx.ip, device: ctx.requestHeaders ? deviceFromHeaders(ctx.requestHeaders) : null });

/** Remembers this browser for the person once they are fully signed in (see auth/devices.ts). */
function rememberDevice(ctx: Context, token: string) {
  ctx.responseHeaders?.append("Set-Cookie", deviceCookie(token, new URL(env.APP_URL ?? "http://localhost").protocol === "https:"));
}

export const accountRouter = createTRPCRouter({
  /** Which staff mails the person wants on this desk (new tickets, assignments). */
  notifications: deskProcedure.input(deskInput({})).query(({ ctx }) => getNotifications(ctx.tx, ctx.actor)),
  setNotifications: deskProcedure
    .input(deskInput(notificationChoices))
    .mutation(({ ctx, input }) => setNotifications(ctx.tx, ctx.actor, input)),
  /**
   * Confirms an address from the mailed link (a button on its page: following a link alone changes
   * nothing) and continues signed in: the ticket is exchanged for a session by Auth.js.
   */
  verifyEmail: publicProcedure.input(verifyEmailInput).mutation(({ ctx, input }) => confirmOwnerAddress(ctx.db, input.token)),
  /** Sign-in, step one: the password. Answers the next step, never whether the address exists. */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const outcome = await checkPassword(ctx.db, input, clientOf(ctx));
    if (!outcome) return { step: "wrong" as const };
    if (outcome.step === "signIn") {
      rememberDevice(ctx, outcome.deviceToken);
      return { step: "signIn" as const, ticket: outcome.ticket };
    }
    return outcome;
  }),
  /** Sign-in, step two for people with two-factor sign-in: the code. */
  signInCode: publicProcedure.input(signInCodeInput).mutation(async ({ ctx, input }) => {
    const { ticket, deviceToken } = await checkCode(ctx.db, input, clientOf(ctx));
    rememberDevice(ctx, deviceToken);
    return { ticket };
  }),
  /** "Forgot your password?" — the same answer for every address. */
  forgotPassword: publicProcedure.input(forgotPasswordInput).mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input.email, { ip: ctx.ip })),
  resetLink: publicProcedure.input(resetLinkInput).query(({ ctx, input }) => resetLinkState(ctx.db, input.token)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.db, input.token, input.password)),
  me: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, locale: ctx.user.locale })),
  /** Profile → Security: two-factor sign-in and the signed-in sessions. */
  security: authedProcedure.query(async ({ ctx }) => ({ twoFactor: await secondFactorState(ctx.db, ctx.user.id), sessions: await listSessions(ctx.db, ctx.user) })),
  beginTwoFactor: authedProcedure.mutation(({ ctx }) => beginEnrolment(ctx.db, ctx.user)),
  confirmTwoFactor: authedProcedure.input(enrolmentCodeInput).mutation(({ ctx, input }) => confirmEnrolment(ctx.db, ctx.user, input.code, ctx.ip)),
  disableTwoFactor: authedProcedure.input(disableTwoFactorInput).mutation(({ ctx, input }) => disableSecondFactor(ctx.db, ctx.user, input, ctx.ip)),
  renewRecoveryCodes: authedProcedure.input(renewCodesInput).mutation(({ ctx, input }) => renewRecoveryCodes(ctx.db, ctx.user.id, input.code, ctx.ip)),
  revokeSession: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => revokeSession(ctx.db, ctx.user, input.sessionId)),
  revokeOtherSessions: authedProcedure.mutation(async ({ ctx }) => ({ ended: await revokeSessions(ctx.db, ctx.user.id, { except: ctx.user.sessionId }) })),
  profile: deskProcedure.input(deskInput({})).query(({ ctx }) => getProfile(ctx.tx, ctx.actor)),
  updateProfile: deskProcedure
    .input(deskInput(profileInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => updateProfile(ctx.tx, ctx.actor, input)),
  changePassword: authedProcedure.input(passwordChangeInput).mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input, ctx.ip)),
});
