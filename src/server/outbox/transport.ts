import nodemailer, { type Transporter } from "nodemailer";
import { baseUrl, env } from "@/env";
import { newId } from "../db/columns";

/** A Message-ID of ours: unique, under the host of APP_URL. */
export const newMessageId = () => `<${newId()}@${new URL(baseUrl).hostname}>`;

/** Whether mail leaves Deskhand at all (SMTP_URL); without it mail stays in the stored outbox. */
export const smtpConfigured = () => Boolean(env.SMTP_URL);

let transporter: Transporter | null = null;

/** The SMTP transport of SMTP_URL, made once per process. */
export function smtp(): Transporter {
  transporter ??= nodemailer.createTransport(env.SMTP_URL!);
  return transporter;
}
