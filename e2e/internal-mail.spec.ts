import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

test("the owner adds internal mail, writes to a new agent who sees it arrive live, reads it and replies", async ({ browser }) => {
  test.slow();
  const desk = uniqueDesk("Mailroom");
  const agentName = "Ann Agent";
  const agentEmail = `agent-${desk.slug}@example.com`;

  // A new desk is on Standard, which does not include internal mail: the page says how to add it.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, desk);
  await finishWizard(owner, desk);
  const ownerNav = owner.getByRole("navigation", { name: "Desk sections" });
  await ownerNav.getByRole("link", { name: /^Internal mail/ }).click();
  await expect(owner.getByText("Internal mail is not part of this desk's plan")).toBeVisible();
  await expect(owner.getByRole("button", { name: "New message" })).toHaveCount(0);
  await owner.getByRole("link", { name: "Open Billing" }).click();

  // Billing: the internal mail option, confirmed with its price.
  await owner.getByRole("checkbox", { name: /Internal mail/ }).check();
  await owner.getByRole("button", { name: "Update options" }).click();
  const confirm = owner.getByRole("alertdialog", { name: "Update options?" });
  await confirm.getByRole("button", { name: "Update options" }).click();
  await expect(confirm).toBeHidden();

  // Invite an agent and let them join in a browser of their own.
  await ownerNav.getByRole("link", { name: "Staff", exact: true }).click();
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const inviteDialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await inviteDialog.getByRole("textbox", { name: "Email", exact: true }).fill(agentEmail);
  await inviteDialog.getByRole("textbox", { name: "Name", exact: true }).fill(agentName);
  await inviteDialog.getByLabel("Access to Support", { exact: true }).selectOption("reply");
  await inviteDialog.getByRole("button", { name: "Send invitation" }).click();
  const sentDialog = owner.getByRole("dialog", { name: "Invitation sent" });
  const invitePath = new URL(await sentDialog.getByLabel("Invitation link").inputValue()).pathname;
  await sentDialog.getByRole("button", { name: "Done" }).click();

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.goto(invitePath);
  await agent.getByLabel("Password").fill("agent password 123");
  await agent.getByRole("button", { name: `Join ${desk.businessName}` }).click();
  await expect(agent).toHaveURL(new RegExp(`/d/${desk.slug}$`));
  const agentNav = agent.getByRole("navigation", { name: "Desk sections" });
  await agentNav.getByRole("link", { name: /^Internal mail/ }).click();
  await expect(agent.getByText("No conversations yet")).toBeVisible();
  await expect(agentNav.getByTestId("mail-unread")).toHaveCount(0);

  // The owner writes; the colleague is picked with the keyboard.
  await ownerNav.getByRole("link", { name: /^Internal mail/ }).click();
  await owner.getByRole("button", { name: "New message" }).first().click();
  const compose = owner.getByRole("dialog", { name: "New message" });
  await compose.getByRole("button", { name: "Send" }).click();
  await expect(compose.getByText("Choose at least one colleague")).toBeVisible();
  const to = compose.getByRole("combobox", { name: "To" });
  await to.fill("ann");
  await to.press("Enter");
  await expect(compose.getByRole("list", { name: "Chosen colleagues" })).toContainText(agentName);
  await compose.getByLabel("Subject").fill("Refund for Casey");
  await compose.getByRole("textbox", { name: /^Message/ }).fill("Could you **call** Casey back today?");
  await compose.getByRole("button", { name: "Send" }).click();
  await expect(compose).toBeHidden();
  await expect(owner.getByRole("heading", { name: "Refund for Casey" })).toBeVisible();

  // The agent, already on the Mail page, sees it arrive with the unread badge, without reloading.
  await expect(agentNav.getByTestId("mail-unread")).toHaveText(/1/);
  const thread = agent.getByTestId("mail-thread").filter({ hasText: "Refund for Casey" });
  await expect(thread).toBeVisible();
  await thread.click();
  await expect(agent.getByRole("heading", { name: "Refund for Casey" })).toBeVisible();
  await expect(agent.getByTestId("mail-message").first()).toContainText("Could you call Casey back today?");
  await expect(agent.getByTestId("mail-message").first().locator("strong")).toHaveText("call");
  await expect(agentNav.getByTestId("mail-unread")).toHaveCount(0);

  // The reply reaches the owner live, in the open conversation, and marks it for them until read.
  await agent.getByRole("textbox", { name: "Reply" }).fill("Done, she is happy.");
  await agent.getByRole("button", { name: "Send reply" }).click();
  await expect(agent.getByTestId("mail-message")).toHaveCount(2);
  await expect(owner.getByTestId("mail-message").filter({ hasText: "Done, she is happy." })).toBeVisible();
  await expect(ownerNav.getByTestId("mail-unread")).toHaveCount(0);

  await agentContext.close();
  await ownerContext.close();
});
