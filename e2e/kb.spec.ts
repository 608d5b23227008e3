import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

test("staff publish an article; a visitor finds it in the help center and the widget, rates it and comments; the comment shows after approval", async ({ page, browser }) => {
  const desk = uniqueDesk("Knowledge");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // Staff write and publish.
  await page.goto(`/d/${desk.slug}/kb/new`);
  await page.getByLabel("Title").fill("How to reset your password");
  await page.getByLabel("Summary").fill("Reset a forgotten password in two steps.");
  await page.getByRole("textbox", { name: "Article" }).fill("Open **Settings**, then *Security*, and choose **Reset password**. <script>alert(1)</script>");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("link", { name: /View public page/ })).toBeVisible();

  const visitor = await browser.newContext();
  const help = await visitor.newPage();

  // The help center: live suggestions as the visitor types, then the article.
  await help.goto(`/help/${desk.slug}`);
  await help.getByRole("combobox").fill("reset pass");
  await help.getByRole("option", { name: /How to reset your password/ }).click();
  await expect(help.getByRole("heading", { level: 1, name: "How to reset your password" })).toBeVisible();
  await expect(help.locator("article strong").filter({ hasText: "Settings" })).toBeVisible();
  expect(await help.locator("script:not([src])").filter({ hasText: "alert(1)" }).count()).toBe(0);

  // "Was this helpful?" and a score.
  await help.getByRole("button", { name: "Yes" }).click();
  await expect(help.getByText("Glad it helped")).toBeVisible();
  await help.getByRole("radio", { name: /^5 of 5/ }).check({ force: true });
  await help.getByRole("button", { name: "Send rating" }).click();
  await expect(help.getByText("Thank you for rating this article!")).toBeVisible();

  // A comment waits for a moderator.
  await help.getByLabel("Your name").fill("Vera");
  await help.getByRole("textbox", { name: /^Comment/ }).fill("Worked for me, thanks!");
  await help.getByRole("button", { name: "Post comment" }).click();
  await expect(help.getByText("Thank you — your comment will appear after a moderator approves it.")).toBeVisible();
  await help.reload();
  await expect(help.getByText("Worked for me, thanks!")).toHaveCount(0);

  // The widget suggests the article while the visitor types a subject.
  await help.goto(`/help/${desk.slug}/submit`);
  const form = help.frameLocator("iframe");
  await form.getByLabel("Subject").fill("cannot reset my password");
  await expect(form.getByRole("link", { name: "How to reset your password" })).toBeVisible();

  // Staff approve; the comment appears.
  await page.goto(`/d/${desk.slug}/kb/comments`);
  await expect(page.getByText("Worked for me, thanks!")).toBeVisible();
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("The comment by Vera is approved and shown under its article.")).toBeVisible();
  await help.goto(`/help/${desk.slug}`);
  await help.getByRole("link", { name: /How to reset your password/ }).first().click();
  await expect(help.getByText("Worked for me, thanks!")).toBeVisible();
  await visitor.close();
});
