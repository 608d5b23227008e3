import { expect, type Page } from "@playwright/test";

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

/** Signs up through the form and lands on the setup wizard. */
export async function signUp(page: Page, desk: DeskValues) {
  await page.goto("/signup");
  await page.getByLabel("Business name").fill(desk.businessName);
  await page.getByLabel("Desk address").fill(desk.slug);
  await page.getByLabel("Your name").fill(desk.ownerName);
  await page.getByLabel("Work email").fill(desk.email);
  await page.getByLabel("Password").fill(desk.password);
  await page.getByRole("button", { name: "Create desk" }).click();
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
