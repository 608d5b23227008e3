import { expect, test, type Page } from "@playwright/test";
import { finishWizard, signIn, uniqueDesk } from "./helpers";

// The platform operator of the e2e server (playwright.config.ts sets PLATFORM_ADMINS to this address).
const OPERATOR = "operator@e2e.test";

/** Signs up the operator's own desk, or (on a retry, the account existing) signs in and opens another desk. */
async function operatorDesk(page: Page) {
  const desk = { ...uniqueDesk("Billing"), email: OPERATOR };
  await page.goto("/signup");
  await page.getByLabel("Business name").fill(desk.businessName);
  await page.getByLabel("Desk address").fill(desk.slug);
  await page.getByLabel("Your name").fill(desk.ownerName);
  await page.getByLabel("Work email").fill(desk.email);
  await page.getByLabel("Password").fill(desk.password);
  await page.getByRole("button", { name: "Create desk" }).click();
  const taken = page.getByText(/already exists/);
  await expect(page.getByRole("heading", { name: "Your desk" }).or(taken)).toBeVisible();
  if (await taken.isVisible()) {
    await signIn(page, OPERATOR, desk.password);
    await page.goto("/d/new");
    await page.getByLabel("Business name").fill(desk.businessName);
    await page.getByLabel("Desk address").fill(desk.slug);
    await page.getByRole("button", { name: /Create desk/ }).click();
    await page.waitForURL(/\/setup$/);
  }
  await finishWizard(page, desk);
  // Operator rights need a verified address: the sign-up mail's link, from the desk's mail log.
  if (!(await page.evaluate(async () => (await (await fetch("/api/trpc/platform.isOperator")).json()).result.data.json as boolean))) {
    await page.goto(`/d/${desk.slug}/settings/mail`);
    await page.getByRole("button", { name: /Confirm your email address/ }).first().click();
    const body = (await page.getByRole("dialog").textContent()) ?? "";
    const link = /\/verify-email\/[A-Za-z0-9_-]{43}/.exec(body)![0];
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
  }
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
