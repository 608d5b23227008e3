import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { email, password } from "../kernel/inputs";
// Pure zod: the forms import this file too.

/** Which staff mails a person wants on a desk. */
export const notificationChoices = { newTickets: z.boolean(), assigned: z.boolean() };

const linkToken = textInput().max(100);

export const verifyEmailInput = z.strictObject({ token: linkToken });

/** The sign-in form: the password is checked as typed (no trimming), never stored. */
export const signInInput = z.strictObject({ email, password: textInput().min(1, "password.required").max(200, "password.tooLong") });

/** A code from an authenticator app (6 digits) or a recovery code (as printed, dashes optional). */
export const secondFactorCode = textInput()
  .trim()
  .min(6, "twoFactor.codeFormat")
  .max(20, "twoFactor.codeFormat")
  .regex(/^(\d{6}|[A-Za-z0-9-]{10,20})$/, "twoFactor.codeFormat");

export const signInCodeInput = z.strictObject({ ticket: linkToken, code: secondFactorCode });

export const forgotPasswordInput = z.strictObject({ email });

export const resetPasswordInput = z.strictObject({ token: linkToken, password });

export const resetLinkInput = z.strictObject({ token: linkToken });

export const enrolmentCodeInput = z.strictObject({ code: textInput().trim().regex(/^\d{6}$/, "twoFactor.codeFormat") });

export const disableTwoFactorInput = z.strictObject({ password: textInput().min(1, "password.required").max(200, "password.tooLong"), code: secondFactorCode });

export const renewCodesInput = z.strictObject({ code: secondFactorCode });

export const sessionIdInput = z.strictObject({ sessionId: z.uuid("session.notFound") });
