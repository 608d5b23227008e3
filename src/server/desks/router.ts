import { authedProcedure, createTRPCRouter, deskInput, deskProcedure, publicProcedure, requires } from "../trpc";
import { unsafeListDesksOfUser } from "../tenancy/member";
import { createAnotherDeskInput, deskProfileInput, requireTwoFactorInput, setupInput, signUpInput } from "./inputs";
import { completeSetup, createAnotherDesk, setRequireTwoFactor, signUp, updateDeskProfile, updateWidgetFields } from "./service";
import { signUpChallenge } from "../auth/proof-of-work";
import { getDesk } from "../kernel/desk";
import { widgetFieldsInput } from "../widget/inputs";

export const desksRouter = createTRPCRouter({
  /** The proof-of-work challenge the sign-up page solves in the background. */
  signUpChallenge: publicProcedure.query(() => signUpChallenge()),
  signUp: publicProcedure.input(signUpInput).mutation(({ ctx, input }) => signUp(ctx.db, input, { ip: ctx.ip })),
  createAnother: authedProcedure
    .input(createAnotherDeskInput)
    .mutation(({ ctx, input }) => createAnotherDesk(ctx.db, ctx.user.id, input, { ip: ctx.ip, locale: ctx.user.locale })),
  mine: authedProcedure.query(({ ctx }) => unsafeListDesksOfUser(ctx.db, ctx.user.id)),
  get: deskProcedure.input(deskInput({})).query(async ({ ctx }) => ({
    desk: await getDesk(ctx.tx),
    role: ctx.actor.access.role,
    membershipId: ctx.actor.membershipId,
    /** The caller's effective department grants, for showing only what they may do. */
    grants: Object.fromEntries(ctx.actor.access.grants),
  })),
  completeSetup: requires("desk.settings")
    .input(deskInput(setupInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => completeSetup(ctx.tx, ctx.actor, input)),
  updateProfile: requires("desk.settings")
    .input(deskInput(deskProfileInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => updateDeskProfile(ctx.tx, ctx.actor, input)),
  setRequireTwoFactor: deskProcedure
    .input(deskInput(requireTwoFactorInput))
    .mutation(({ ctx, input }) => setRequireTwoFactor(ctx.tx, ctx.actor, input.required, ctx.user.twoFactor)),
  updateWidgetFields: requires("desk.settings")
    .input(deskInput({ fields: widgetFieldsInput }))
    .mutation(({ ctx, input }) => updateWidgetFields(ctx.tx, ctx.actor, input.fields)),
});
