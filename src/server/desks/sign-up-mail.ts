import { baseUrl } from "@/env";
import type { Transaction } from "../db/types";
import { enqueueAccountMail } from "../outbox/account-mail";
import { mailTranslator } from "../outbox/translate";

// Public mail providers: sign-ups from them are limited per address, never per domain (a domain
// limit on gmail.com would lock out the world; on a company's own domain it stops a catch-all).
const publicProviders = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com",
  "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "zoho.com", "yandex.ru", "ya.ru",
  "mail.ru", "bk.ru", "inbox.ru", "list.ru", "rambler.ru",
]);

/** The email domain a sign-up counts against, or null for public mail providers. */
export function limitedDomain(email: string): string | null {
  const domain = email.split("@")[1]?.toLowerCase() ?? "";
  return publicProviders.has(domain) ? null : domain;
}

/** The address as a mailbox receives it: tags ("+anything") and, for Gmail, dots do not make a new one. */
export function addressKey(email: string): string {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  const untagged = local.split("+")[0]!;
  return `${domain === "gmail.com" || domain === "googlemail.com" ? untagged.replaceAll(".", "") : untagged}@${domain}`;
}

/** Someone tried to sign up with an address that already has an account: its owner hears of it. */
export async function mailSignUpAttempt(tx: Transaction, owner: { email: string; locale: "en" | "ru" }): Promise<void> {
  const t = await mailTranslator(owner.locale);
  await enqueueAccountMail(tx, {
    kind: "account.signUpAttempt",
    to: owner.email,
    subject: t("account.signUpAttempt.subject"),
    text: t("account.signUpAttempt.body", { signIn: `${baseUrl}/signin`, reset: `${baseUrl}/forgot-password` }),
  });
}
