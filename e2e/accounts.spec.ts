import { expect, test, type Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { finishWizard, lastMailNumber, mailedLink, signOut, signUp, uniqueDesk } from "./helpers";

/** The code an authenticator app shows for this secret, `stepsAhead` periods from now. */
function totpCode(secret: string, stepsAhead = 0) {
  return new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Turns on two-factor sign-in on Account → Security, as a person with an authenticator app would. */
async function enrolTwoFactor(page: Page, { tryWrongCode = false } = {}) {
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.locator("p", { hasText: "Can’t scan it?" }).locator("code").textContent())!.trim();
  if (tryWrongCode) {
    await page.getByLabel("Code from the app").fill(totpCode(secret) === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(page.getByText("This code is not correct.")).toBeVisible();
  }
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download (.txt)" }).click();
  expect((await download).suggestedFilename()).toBe("deskhand-recovery-codes.txt");
  await page.getByRole("button", { name: "I have saved them" }).click();
  return { secret, recoveryCode };
}

test("a person who forgot the password resets it from the sign-in page through the mailed link", async ({ page }) => {
  const desk = uniqueDesk("Forgot");
  await signUp(page, desk);
  await finishWizard(page, desk);
  await signOut(page);

  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  const before = lastMailNumber();
  await page.getByLabel("Email").fill(desk.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText(`If an account exists for ${desk.email}, we have sent it a link`)).toBeVisible();

  const link = await mailedLink(desk.email, "reset-password", { after: before });
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("a brand new password");
  await page.getByLabel("Repeat the new password").fill("a brand new password");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await expect(page.getByRole("navigation", { name: "Desk sections" })).toBeVisible();

  // The link works once; the old password is gone, the new one signs in.
  await page.goto(link);
  await expect(page.getByText("This link has been used already.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Send a new link" })).toBeVisible();
  await page.goto(`/d/${desk.slug}`);
  await signOut(page);
  await signInWithPassword(page, desk.email, desk.password);
  await expect(page.getByText("The email or password is not correct.")).toBeVisible();
  await page.getByLabel("Password").fill("a brand new password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
});

test("a person turns on two-factor sign-in and then signs in with a code and with a recovery code", async ({ page }) => {
  const desk = uniqueDesk("Totp");
  await signUp(page, desk);
  await finishWizard(page, desk);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByText("This device")).toBeVisible();
  const { secret, recoveryCode } = await enrolTwoFactor(page, { tryWrongCode: true });
  await expect(page.getByText(/^On since/)).toBeVisible();
  await expect(page.getByText("10 recovery codes left")).toBeVisible();

  await page.goto(`/d/${desk.slug}`);
  await signOut(page);
  await signInWithPassword(page, desk.email, desk.password);
  await expect(page.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  // The enrolment's code cannot be replayed: the app's next code is accepted (one step of drift).
  await page.getByLabel("Code", { exact: true }).fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));

  await signOut(page);
  await signInWithPassword(page, desk.email, desk.password);
  await page.getByLabel("Code", { exact: true }).fill(recoveryCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await page.goto("/account/security");
  await expect(page.getByText("9 recovery codes left")).toBeVisible();
});

test("a person signs in with the company account (OpenID Connect)", async ({ page }) => {
  const desk = uniqueDesk("Sso");
  await signUp(page, desk);
  await finishWizard(page, desk);
  await signOut(page);

  await page.getByRole("button", { name: "Continue with Example SSO" }).click();
  // The provider's own (development) sign-in and consent pages.
  await page.locator('input[name="login"]').fill(desk.email);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
  await expect(page).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await expect(page.getByRole("navigation", { name: "Desk sections" })).toBeVisible();
});

test("a desk that requires two-factor sign-in sends a member without it to turn it on first", async ({ browser }) => {
  const desk = uniqueDesk("Strict");
  const agentEmail = `agent-${desk.slug}@example.com`;
  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, desk);
  await finishWizard(owner, desk);

  // The owner needs it first.
  await owner.goto(`/d/${desk.slug}/settings`);
  const required = owner.getByRole("checkbox", { name: "Require two-factor sign-in for everyone" });
  await required.click();
  await expect(owner.getByText("Turn on two-factor sign-in for yourself first")).toBeVisible();
  await expect(required).not.toBeChecked();
  await owner.getByRole("link", { name: "Open Security" }).click();
  await enrolTwoFactor(owner);
  await owner.goto(`/d/${desk.slug}/settings`);
  await required.click();
  await expect(owner.getByText("Saved.")).toBeVisible();
  await expect(required).toBeChecked();

  await owner.goto(`/d/${desk.slug}/staff`);
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const inviteDialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await inviteDialog.getByRole("textbox", { name: "Email", exact: true }).fill(agentEmail);
  await inviteDialog.getByRole("textbox", { name: "Name", exact: true }).fill("Sam Agent");
  await inviteDialog.getByLabel("Access to Support", { exact: true }).selectOption("reply");
  await inviteDialog.getByRole("button", { name: "Send invitation" }).click();
  const invitePath = new URL(await owner.getByRole("dialog", { name: "Invitation sent" }).getByLabel("Invitation link").inputValue()).pathname;

  // The new agent joins and is sent to turn on two-factor sign-in before the desk opens.
  const agent = await (await browser.newContext()).newPage();
  await agent.goto(invitePath);
  await agent.getByLabel("Password").fill("agent password 123");
  await agent.getByRole("button", { name: `Join ${desk.businessName}` }).click();
  await expect(agent).toHaveURL(new RegExp(`/account/security\\?required=${desk.slug}$`));
  await expect(agent.getByText(`${desk.slug} requires two-factor sign-in`)).toBeVisible();
  await enrolTwoFactor(agent);
  await agent.getByRole("link", { name: "Back to your desks" }).click();
  await expect(agent).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  await expect(agent.getByRole("navigation", { name: "Desk sections" })).toBeVisible();
});
