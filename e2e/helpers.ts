import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";

// Where the mail sink started by playwright.config.ts writes each message the app sends.
const mailDir = path.join(process.cwd(), ".e2e-data", "mail");

let counter = 0;

export function uniqueDesk(prefix: string) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}`;
  return {
    businessName: `${prefix} ${tag}`,
    slug: `${prefix.toLowerCase()}-${tag}`,
    ownerName: `${prefix} Owner`,
    email: `${prefix.toLowerCase()}-${tag}@example.com`,
    password: "correct horse battery",
  };
}

export type DeskValues = ReturnType<typeof uniqueDesk>;

/**
 * The newest mail to this address whose subject or text matches, as the mail sink received it;
 * waits for it (the app hands queued mail to SMTP every second in the e2e run).
 */
export async function readMail(to: string, matcher: RegExp, { timeout = 20_000, after = 0 }: { timeout?: number; after?: number } = {}): Promise<ParsedMail> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml")).sort().reverse() : [];
    for (const file of files) {
      if (Number.parseInt(file, 10) <= after) break;
      const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file)));
      const recipients = [mail.to].flat().flatMap((a) => a?.value ?? []).map((a) => a.address?.toLowerCase());
      if (recipients.includes(to.toLowerCase()) && (matcher.test(mail.subject ?? "") || matcher.test(mail.text ?? ""))) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${matcher} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The number of the newest message in the sink: pass it as readMail's `after` to wait for a newer one. */
export function lastMailNumber(): number {
  const files = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml")).sort() : [];
  return files.length ? Number.parseInt(files.at(-1)!, 10) : 0;
}

/** The link of this kind (verify-email, reset-password) in the newest such mail to an address. */
export async function mailedLink(to: string, kind: "verify-email" | "reset-password", options: { after?: number } = {}): Promise<string> {
  const mail = await readMail(to, new RegExp(`/${kind}/`), options);
  const link = new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]+`).exec(mail.text ?? "")?.[0];
  if (!link) throw new Error(`the mail to ${to} has no ${kind} link`);
  return link;
}

/** Fills and sends the sign-up form, up to "Check your mail". */
export async function submitSignUp(page: Page, desk: DeskValues) {
  await page.goto("/signup");
  await page.getByLabel("Business name").fill(desk.businessName);
  await page.getByLabel("Desk address").fill(desk.slug);
  await page.getByLabel("Your name").fill(desk.ownerName);
  await page.getByLabel("Work email").fill(desk.email);
  await page.getByLabel("Password").fill(desk.password);
  await page.getByRole("button", { name: "Create desk" }).click();
}

/** Signs up through the form, confirms the address from the mailed link and lands on the setup wizard. */
export async function signUp(page: Page, desk: DeskValues) {
  await submitSignUp(page, desk);
  await expect(page.getByRole("heading", { name: "Check your mail" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(desk.email)).toBeVisible();
  await page.goto(await mailedLink(desk.email, "verify-email"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}/setup$`));
}

/** Walks through the wizard with its suggestions and lands in the panel. */
export async function finishWizard(page: Page, desk: DeskValues) {
  await expect(page.getByRole("heading", { name: "Your desk" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Departments" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Ticket form" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
