import { expect, test } from "@playwright/test";
import { finishWizard, signIn, signOut, signUp, uniqueDesk } from "./helpers";

test("a visitor sees the plans and signs up, sets up the desk and lands in the panel", async ({ page }) => {
  await page.goto("/");
  const pricing = page.locator("#pricing");
  await expect(pricing.getByRole("heading", { name: "Standard" })).toBeVisible();
  await expect(pricing.getByRole("heading", { name: "Pro" })).toBeVisible();
  await expect(pricing.getByText("$0.50")).toBeVisible();
  await expect(pricing.getByText("Up to 200 new tickets a day")).toBeVisible();
  await page.getByRole("link", { name: "Create your desk" }).first().click();
  await expect(page).toHaveURL(/\/signup/);

  const desk = uniqueDesk("Journey");
  await signUp(page, desk);
  await page.getByLabel("Desk name").fill("Journey Support");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Department 3", { exact: true }).fill("Billing questions");
  await page.getByRole("button", { name: "Add a department" }).click();
  await page.getByLabel("Department 4", { exact: true }).fill("Partners");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("checkbox", { name: "Show: Phone" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Support, Complaints, Billing questions, Partners")).toBeVisible();
  await page.getByRole("button", { name: "Finish setup" }).click();

  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  const nav = page.getByRole("navigation", { name: "Desk sections" });
  for (const section of ["Inbox", "Tickets", "Knowledge base", "Customers", "Staff", "Departments", "Reports", "Event log", "Internal mail", "Billing", "Settings"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  // A section the plan does not include says how to get it (Standard: internal mail is an option).
  await nav.getByRole("link", { name: "Internal mail" }).click();
  await expect(page.getByText(/Internal mail is a Billing option on Standard/)).toBeVisible();

  await nav.getByRole("link", { name: "Departments" }).click();
  await expect(page.getByRole("list", { name: "Departments" })).toContainText("Partners");
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByLabel("Desk name")).toHaveValue("Journey Support");
  await nav.getByRole("link", { name: "Event log" }).click();
  await expect(page.getByRole("cell", { name: "Completed the setup wizard" })).toBeVisible();

  await signOut(page);
  await page.goto(`/d/${desk.slug}`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel("Email").fill(desk.email);
  await page.getByLabel("Password").fill(desk.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await expect(page.getByRole("navigation", { name: "Desk sections" })).toBeVisible();
});

test("sign-up shows the server's field errors and the form's own", async ({ page }) => {
  const first = uniqueDesk("Taken");
  await signUp(page, first);
  await page.context().clearCookies();

  await page.goto("/signup");
  await page.getByLabel("Business name").fill("Someone else");
  await page.getByLabel("Desk address").fill("admin");
  await page.getByLabel("Your name").fill("Sam");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create desk" }).click();
  await expect(page.getByText("This address is reserved. Please choose another.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("The password needs at least 10 characters.")).toBeVisible();

  await page.getByLabel("Desk address").fill(first.slug);
  await page.getByLabel("Work email").fill(`other-${first.email}`);
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create desk" }).click();
  await expect(page.getByText("This desk address is already taken.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a wrong password gets a clear message, and repeated failures are slowed down", async ({ page }) => {
  const desk = uniqueDesk("Locked");
  await signUp(page, desk);
  await finishWizard(page, desk);
  await signOut(page);

  await signIn(page, desk.email, "wrong password 1");
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  // After five failures against an account each further attempt waits, even with the right password.
  for (const attempt of [2, 3, 4, 5]) {
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A refused password is cleared from the form once the answer is in.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(desk.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed attempts on this account\. Please wait \d+ min and try again\./)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
