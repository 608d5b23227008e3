import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

test("another desk's panel is refused, and a person with two desks switches between them", async ({ browser }) => {
  const other = uniqueDesk("Other");
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signUp(otherPage, other);
  await finishWizard(otherPage, other);
  await otherContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const mine = uniqueDesk("Mine");
  await signUp(page, mine);
  await finishWizard(page, mine);

  for (const path of [`/d/${other.slug}`, `/d/${other.slug}/settings`, `/d/${other.slug}/events`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(other.businessName)).toHaveCount(0);
  }

  const second = uniqueDesk("Second");
  await page.goto(`/d/${mine.slug}`);
  await page.getByTestId("desk-switcher").first().click();
  await page.getByRole("menuitem", { name: "Create another desk" }).click();
  await page.getByLabel("Business name").fill(second.businessName);
  await page.getByLabel("Desk address").fill(second.slug);
  await page.getByRole("button", { name: "Create desk" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${second.slug}/setup$`));
  await finishWizard(page, second);

  await page.getByTestId("desk-switcher").first().click();
  await page.getByRole("menuitem", { name: mine.businessName }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${mine.slug}$`));
  await expect(page.getByTestId("desk-switcher").first()).toContainText(mine.businessName);
  await context.close();
});
