import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { channels } from "../tickets/values";

export const maxRules = 50;
export const maxTerms = 50;
export const weightLimit = 100;
export const maxWaitingHours = 720;
const scoreLimit = 10_000;

const domain = textInput()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^@/, ""))
  .pipe(textInput().max(253, "priorityRule.domainInvalid").regex(/^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}$/u, "priorityRule.domainInvalid"));
const word = textInput().trim().min(1, "priorityRule.wordsRequired").max(100, "priorityRule.wordTooLong");
const dedupe = <T>(list: T[]): T[] => [...new Set(list)];

/** One condition per rule; each kind carries its own bounded values. */
export const ruleCondition = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("vip") }),
    z.strictObject({ kind: z.literal("domain"), domains: z.array(domain).min(1, "priorityRule.domainsRequired").max(maxTerms, "priorityRule.tooManyTerms").transform(dedupe) }),
    z.strictObject({ kind: z.literal("department"), departmentId: z.uuid("department.notFound") }),
    z.strictObject({ kind: z.literal("words"), words: z.array(word).min(1, "priorityRule.wordsRequired").max(maxTerms, "priorityRule.tooManyTerms").transform(dedupe) }),
    z.strictObject({ kind: z.literal("channel"), channels: z.array(z.enum(channels)).min(1, "priorityRule.channelsRequired").max(channels.length).transform(dedupe) }),
    z.strictObject({
      kind: z.literal("waiting"),
      hours: z.number({ error: "priorityRule.hoursRange" }).int("priorityRule.hoursRange").min(1, "priorityRule.hoursRange").max(maxWaitingHours, "priorityRule.hoursRange"),
    }),
  ],
  { error: "priorityRule.conditionRequired" },
);

/** A rule as the settings form sends it. */
export const ruleInput = {
  name: textInput().trim().min(1, "priorityRule.nameRequired").max(80, "priorityRule.nameTooLong"),
  weight: z.number({ error: "priorityRule.weightRange" }).int("priorityRule.weightRange").min(-weightLimit, "priorityRule.weightRange").max(weightLimit, "priorityRule.weightRange"),
  enabled: z.boolean().default(true),
  condition: ruleCondition,
};
export const ruleForm = z.strictObject(ruleInput);
export type RuleForm = z.infer<typeof ruleForm>;

const scoreBound = z.number({ error: "priorityThresholds.invalid" }).int("priorityThresholds.invalid").min(-scoreLimit, "priorityThresholds.invalid").max(scoreLimit, "priorityThresholds.invalid");

/** The scores where low ends and high and urgent begin. */
export const thresholdsInput = { lowAtMost: scoreBound, highAtLeast: scoreBound, urgentAtLeast: scoreBound };
export type ThresholdsForm = { lowAtMost: number; highAtLeast: number; urgentAtLeast: number };

/** Low, high and urgent in that order, the error on the field to change. */
export function inThresholdOrder<S extends z.ZodType<ThresholdsForm>>(schema: S): S {
  return schema
    .refine((t) => t.lowAtMost < t.highAtLeast, { message: "priorityThresholds.highAboveLow", path: ["highAtLeast"] })
    .refine((t) => t.highAtLeast < t.urgentAtLeast, { message: "priorityThresholds.urgentAboveHigh", path: ["urgentAtLeast"] });
}
export const thresholdsForm = inThresholdOrder(z.strictObject(thresholdsInput));

export const ruleId = z.uuid("priorityRule.notFound");
