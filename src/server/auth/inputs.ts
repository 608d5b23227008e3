import { z } from "zod";
import { textInput } from "@/lib/text-input";
// Pure zod: the forms import this file too.

/** Which staff mails a person wants on a desk. */
export const notificationChoices = { newTickets: z.boolean(), assigned: z.boolean() };

export const verifyEmailInput = z.strictObject({ token: textInput().max(100) });
