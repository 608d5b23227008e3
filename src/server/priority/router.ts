import { createTRPCRouter, deskInput, requires } from "../trpc";
import { inThresholdOrder, ruleId, ruleInput, thresholdsInput } from "./inputs";
import { createPriorityRule, listPriorityRules, removePriorityRule, savePriorityThresholds, updatePriorityRule } from "./rules";
import { tryPriorityRule } from "./trial";

/** Settings → Priority (owners and admins): the weighted rules and the score thresholds. */
export const priorityRouter = createTRPCRouter({
  rules: requires("desk.settings")
    .input(deskInput({}))
    .query(({ ctx }) => listPriorityRules(ctx.tx, ctx.actor)),
  createRule: requires("desk.settings")
    .input(deskInput(ruleInput))
    .mutation(({ ctx, input: { desk: _d, ...rule } }) => createPriorityRule(ctx.tx, ctx.actor, rule)),
  updateRule: requires("desk.settings")
    .input(deskInput({ id: ruleId, ...ruleInput }))
    .mutation(({ ctx, input: { desk: _d, id, ...rule } }) => updatePriorityRule(ctx.tx, ctx.actor, id, rule)),
  /** Reads only: how the latest tickets would score with this rule, before it is saved. */
  tryRule: requires("desk.settings")
    .input(deskInput({ ...ruleInput, replacing: ruleId.nullable() }))
    .query(({ ctx, input: { desk: _d, replacing, ...rule } }) => tryPriorityRule(ctx.tx, ctx.actor, { rule, replacing })),
  removeRule: requires("desk.settings")
    .input(deskInput({ id: ruleId }))
    .mutation(({ ctx, input }) => removePriorityRule(ctx.tx, ctx.actor, input.id)),
  saveThresholds: requires("desk.settings")
    .input(inThresholdOrder(deskInput(thresholdsInput)))
    .mutation(({ ctx, input: { desk: _d, ...thresholds } }) => savePriorityThresholds(ctx.tx, ctx.actor, thresholds)),
});
