import { z } from "zod";
import { textInput } from "@/lib/text-input";
// Pure zod: the forms import this file too.

export const customerId = z.uuid("customer.notFound");
/** Words of a name, an email address or a phone number. */
export const customerQuery = textInput().max(200);
export const blockedChoice = { customerId, blocked: z.boolean() };
export const vipChoice = { customerId, vip: z.boolean() };
