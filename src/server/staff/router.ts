import { authedProcedure, createTRPCRouter, deskInput, publicProcedure, requires } from "../trpc";
import { staffActivity } from "./activity";
import {
  acceptAsNewPersonInput,
  activeChoice,
  activityRange,
  invitationId,
  invitationTokenInput,
  inviteInput,
  kbEditorChoice,
  membershipId,
  setGrantsInput,
  setRoleInput,
} from "./inputs";
import {
  acceptInvitationAsNewPerson,
  acceptInvitationAsUser,
  inviteStaff,
  listInvitations,
  resendInvitation,
  revokeInvitation,
  unsafeFindInvitation,
} from "./invitations";
import { changeRole, listStaff, setActive, setGrants, setKbEditor, transferOwnership } from "./service";

export const staffRouter = createTRPCRouter({
  list: requires("staff.manage").input(deskInput({})).query(({ ctx }) => listStaff(ctx.tx)),
  invite: requires("staff.manage")
    .input(deskInput(inviteInput.shape))
    .mutation(({ ctx, input: { desk: _desk, ...input } }) => inviteStaff(ctx.tx, ctx.actor, input)),
  invitations: requires("staff.manage").input(deskInput({})).query(({ ctx }) => listInvitations(ctx.tx)),
  revokeInvitation: requires("staff.manage")
    .input(deskInput({ invitationId }))
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tx, ctx.actor, input.invitationId)),
  resendInvitation: requires("staff.manage")
    .input(deskInput({ invitationId }))
    .mutation(({ ctx, input }) => resendInvitation(ctx.tx, ctx.actor, input.invitationId)),
  setRole: requires("staff.manage")
    .input(deskInput(setRoleInput.shape))
    .mutation(({ ctx, input }) => changeRole(ctx.tx, ctx.actor, input.membershipId, input.role)),
  setGrants: requires("staff.manage")
    .input(deskInput(setGrantsInput.shape))
    .mutation(({ ctx, input }) => setGrants(ctx.tx, ctx.actor, input.membershipId, input.grants)),
  setKbEditor: requires("staff.manage")
    .input(deskInput(kbEditorChoice))
    .mutation(({ ctx, input }) => setKbEditor(ctx.tx, ctx.actor, input.membershipId, input.kbEditor)),
  setActive: requires("staff.manage")
    .input(deskInput(activeChoice))
    .mutation(({ ctx, input }) => setActive(ctx.tx, ctx.actor, input.membershipId, input.active)),
  transferOwnership: requires("desk.ownership")
    .input(deskInput({ membershipId }))
    .mutation(({ ctx, input }) => transferOwnership(ctx.tx, ctx.actor, input.membershipId)),
  activity: requires("staff.manage")
    .input(deskInput({ range: activityRange }))
    .query(({ ctx, input }) => staffActivity(ctx.tx, input.range)),
});

/** The invitation link's side: the visitor holds only the token. */
export const invitationRouter = createTRPCRouter({
  preview: publicProcedure.input(invitationTokenInput).query(async ({ ctx, input }) => {
    const found = await unsafeFindInvitation(ctx.db, input.token);
    if (!found) return null;
    const { tenantId: _tenant, ...preview } = found;
    return { ...preview, signedInAs: ctx.user?.email ?? null };
  }),
  accept: authedProcedure
    .input(invitationTokenInput)
    .mutation(({ ctx, input }) => acceptInvitationAsUser(ctx.db, input.token, ctx.user, ctx.ip)),
  acceptAsNewPerson: publicProcedure
    .input(acceptAsNewPersonInput)
    .mutation(({ ctx, input }) => acceptInvitationAsNewPerson(ctx.db, input, ctx.ip)),
});
