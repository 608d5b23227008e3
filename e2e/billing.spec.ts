import { expect, test, type Page } from "@playwright/test";
import { finishWizard, lastMailNumber, mailedLink, readMail, signIn, submitSignUp, uniqueDesk } from "./helpers";

// The platform operator of the e2e server (playwright.config.ts sets PLATFORM_ADMINS to this address).
const OPERATOR = "operator@e2e.test";

/** Signs up the operator's own desk, or (on a retry, the account existing) signs in and opens another desk. */
async function operatorDesk(page: Page) {
  const desk = { ...uniqueDesk("Billing"), email: OPERATOR };
  // The operator's address may have an account from an earlier journey of this run: sign-up then
  // answers the same, and the mail says which it was — a confirmation link, or "someone tried".
  const before = lastMailNumber();
  await submitSignUp(page, desk);
  await expect(page.getByRole("heading", { name: "Check your mail" })).toBeVisible({ timeout: 20_000 });
  const mail = await readMail(OPERATOR, /verify-email\/|Someone tried to create/, { after: before });
  if (/Someone tried to create/.test(mail.subject ?? "")) {
    await signIn(page, OPERATOR, desk.password);
    await page.waitForURL(/\/d\//);
    await page.goto("/d/new");
    await page.getByLabel("Business name").fill(desk.businessName);
    await page.getByLabel("Desk address").fill(desk.slug);
    await page.getByRole("button", { name: /Create desk/ }).click();
    await page.waitForURL(/\/setup$/);
  } else {
    // Confirming the address (operator rights need it) signs in and opens the setup wizard.
    await page.goto(await mailedLink(OPERATOR, "verify-email", { after: before }));
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.waitForURL(new RegExp(`/d/${desk.slug}/setup$`));
  }
  await finishWizard(page, desk);
  return desk;
}

async function setStandardTicketsPerDay(page: Page, tickets: number) {
  await page.goto("/platform");
  await page.getByRole("button", { name: "Edit Standard" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Standard" });
  await dialog.getByLabel("Requests a day").fill(String(tickets));
  await dialog.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Standard is saved.")).toBeVisible();
}

/** A visitor files a request through the help center's form (the widget page). */
async function fileThroughWidget(page: Page, slug: string, subject: string) {
  await page.goto(`/help/${slug}/submit`);
  const form = page.frameLocator("iframe");
  await form.getByLabel("Email").fill("vera@example.com");
  await form.getByLabel("Subject").fill(subject);
  await form.getByLabel("Message").fill("Please help.");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByText(/Request #\d+ received/)).toBeVisible();
}

test("the owner sees the trial balance, changes options and plan with the new daily price; over the day's limit a request is held until the upgrade", async ({ page, browser }) => {
  const desk = await operatorDesk(page);
  try {
    await page.goto(`/d/${desk.slug}/billing`);
    await expect(page.getByText("$20.00").first()).toBeVisible();
    await expect(page.getByText("$0.50 a day").first()).toBeVisible();

    // An option, with the new price shown before confirming.
    await page.getByRole("checkbox", { name: /Statistics & reports/ }).check();
    await expect(page.getByText("$0.60 a day").first()).toBeVisible();
    await page.getByRole("button", { name: "Update options" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Update options?" });
    await expect(confirm).toContainText("$0.60");
    await confirm.getByRole("button", { name: "Update options" }).click();
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(page.getByText("$0.60 a day").first()).toBeVisible();

    // The operator limits Standard to one new request a day; the second request is held.
    await setStandardTicketsPerDay(page, 1);
    const visitor = await browser.newContext();
    const tab = await visitor.newPage();
    await fileThroughWidget(tab, desk.slug, "First request today");
    await fileThroughWidget(tab, desk.slug, "Second request today");
    await page.goto(`/d/${desk.slug}`);
    await expect(page.getByRole("link", { name: /First request today/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Second request today/ })).toHaveCount(0);

    // Moving to Pro releases it at once.
    await page.goto(`/d/${desk.slug}/billing`);
    await page.getByRole("radio", { name: /Pro/ }).check();
    await page.getByRole("button", { name: "Change plan" }).click();
    const move = page.getByRole("alertdialog", { name: "Move to Pro?" });
    await expect(move).toContainText("$1.00");
    await move.getByRole("button", { name: "Move to Pro" }).click();
    await expect(move).toBeHidden();
    await page.goto(`/d/${desk.slug}`);
    await expect(page.getByRole("link", { name: /Second request today/ })).toBeVisible();
    await visitor.close();
  } finally {
    await setStandardTicketsPerDay(page, 10);
  }
});
