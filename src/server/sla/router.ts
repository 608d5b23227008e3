import { createTRPCRouter, deskInput, requires } from "../trpc";
import { getBusinessHours, saveBusinessHours } from "./hours";
import { businessHoursInput, policyFields, policyId } from "./inputs";
import { deletePolicy, listPolicies, savePolicy } from "./policies";

/** Settings → SLA (owners and admins): business hours and policies. */
export const slaRouter = createTRPCRouter({
  hours: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => getBusinessHours(ctx.tx)),
  saveHours: requires("desk.settings")
    .input(deskInput(businessHoursInput))
    .mutation(({ ctx, input: { desk: _d, ...input } }) => saveBusinessHours(ctx.tx, ctx.actor, input)),
  policies: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listPolicies(ctx.tx)),
  savePolicy: requires("desk.settings")
    .input(deskInput({ id: policyId.nullable(), ...policyFields }))
    .mutation(({ ctx, input: { desk: _d, id, ...input } }) => savePolicy(ctx.tx, ctx.actor, id, input)),
  deletePolicy: requires("desk.settings")
    .input(deskInput({ id: policyId }))
    .mutation(({ ctx, input }) => deletePolicy(ctx.tx, ctx.actor, input.id)),
});
