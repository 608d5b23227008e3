import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { email, personName } from "../kernel/inputs";
import { grantLevels } from "./values";

export const grantsInput = z
  .record(z.uuid("grants.invalid"), z.enum(grantLevels))
  .refine((grants) => Object.keys(grants).length <= 500, "grants.tooMany");

export const inviteInput = z.strictObject({
  email,
  name: personName,
  role: z.enum(["admin", "agent"], { error: "role.invalid" }),
  grants: grantsInput.default({}),
});
export type InviteInput = z.infer<typeof inviteInput>;

export const membershipId = z.uuid("staff.notFound");

export const setRoleInput = z.strictObject({ membershipId, role: z.enum(["admin", "agent"], { error: "role.invalid" }) });
export const setGrantsInput = z.strictObject({ membershipId, grants: grantsInput });

export const inviteToken = textInput().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/, "invite.invalid");

export const acceptAsNewPersonInput = z.strictObject({
  token: inviteToken,
  name: personName,
  password: textInput().min(10, "password.tooShort").max(200, "password.tooLong"),
});

export const avatarColors = ["slate", "red", "amber", "emerald", "teal", "sky", "indigo", "violet", "pink"] as const;

export const profileInput = z.strictObject({
  name: personName,
  avatarColor: z.enum(avatarColors),
  locale: z.enum(["en", "ru"]),
  signature: textInput().max(2000, "signature.tooLong"),
});

export const passwordChangeInput = z.strictObject({
  currentPassword: textInput().min(1, "password.currentRequired").max(200, "password.tooLong"),
  newPassword: textInput().min(10, "password.tooShort").max(200, "password.tooLong"),
});

const isoDay = textInput().regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid");
export const dateRangeInput = {
  from: isoDay,
  to: isoDay,
};

export const invitationId = z.uuid("invite.notFound");
/** Days of staff activity: at most a year, in order. */
export const activityRange = z
  .object(dateRangeInput)
  .refine((r) => r.from <= r.to, { message: "date.order", path: ["to"] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 366 * 86_400_000, { message: "date.tooLong", path: ["to"] });
export const kbEditorChoice = { membershipId, kbEditor: z.boolean() };
export const activeChoice = { membershipId, active: z.boolean() };
export const invitationTokenInput = z.strictObject({ token: inviteToken });
