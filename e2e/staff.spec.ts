import { expect, test } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

test("the owner invites an agent with access to one department; the agent joins by the link and sees only that", async ({ browser }) => {
  const desk = uniqueDesk("Team");
  const agentName = "Ann Agent";
  const agentEmail = `agent-${desk.slug}@example.com`;
  const agentPassword = "agent password 123";

  // The owner signs up; the wizard's suggested departments are Support, Complaints and Payments.
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, desk);
  await finishWizard(owner, desk);
  const ownerNav = owner.getByRole("navigation", { name: "Desk sections" });

  await ownerNav.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(owner.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();
  await expect(owner.getByRole("table", { name: "Staff members" })).toContainText(desk.email);
  await expect(owner.getByText("No pending invitations")).toBeVisible();

  // Invite: email, name, role agent (the default), "reply" on Support only.
  await owner.getByRole("button", { name: "Invite", exact: true }).click();
  const inviteDialog = owner.getByRole("dialog", { name: "Invite a colleague" });
  await expect(inviteDialog).toBeVisible();
  await inviteDialog.getByRole("textbox", { name: "Email", exact: true }).fill(agentEmail);
  await inviteDialog.getByRole("textbox", { name: "Name", exact: true }).fill(agentName);
  await expect(inviteDialog.getByRole("radio", { name: "Agent" })).toBeChecked();
  await inviteDialog.getByLabel("Access to Support", { exact: true }).selectOption("reply");
  await expect(inviteDialog.getByLabel("Access to Complaints", { exact: true })).toHaveValue("");
  await expect(inviteDialog.getByLabel("Access to Payments", { exact: true })).toHaveValue("");
  await inviteDialog.getByRole("button", { name: "Send invitation" }).click();

  // The dialog now shows the link once.
  const sentDialog = owner.getByRole("dialog", { name: "Invitation sent" });
  const linkField = sentDialog.getByLabel("Invitation link");
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{20,}$/);
  const invitePath = new URL(await linkField.inputValue()).pathname;
  await sentDialog.getByRole("button", { name: "Done" }).click();
  await expect(sentDialog).toBeHidden();

  const pending = owner.getByRole("table", { name: "Pending invitations" });
  await expect(pending).toContainText(agentEmail);
  await expect(pending).toContainText("Pending");

  // The agent, in a browser of their own, opens the link and joins.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.goto(invitePath);
  await expect(agent.getByRole("heading", { name: `Join ${desk.businessName}` })).toBeVisible();
  await expect(agent.getByText(agentEmail)).toBeVisible();
  await expect(agent.getByLabel("Your name")).toHaveValue(agentName);
  await agent.getByLabel("Your name").fill(agentName);
  await agent.getByLabel("Password").fill(agentPassword);
  await agent.getByRole("button", { name: `Join ${desk.businessName}` }).click();
  await expect(agent).toHaveURL(new RegExp(`/d/${desk.slug}$`));

  // An agent's navigation has no Staff and no Event log.
  const agentNav = agent.getByRole("navigation", { name: "Desk sections" });
  await expect(agentNav.getByRole("link", { name: "Departments", exact: true })).toBeVisible();
  await expect(agentNav.getByRole("link", { name: "Staff", exact: true })).toHaveCount(0);
  await expect(agentNav.getByRole("link", { name: "Event log", exact: true })).toHaveCount(0);

  // Departments lists only the granted one.
  await agentNav.getByRole("link", { name: "Departments", exact: true }).click();
  const departments = agent.getByRole("list", { name: "Departments" });
  await expect(departments).toContainText("Support");
  await expect(departments).not.toContainText("Complaints");
  await expect(departments).not.toContainText("Payments");

  // The Staff page itself refuses an agent.
  await agent.goto(`/d/${desk.slug}/staff`);
  await expect(agent.getByText("Not available for your role")).toBeVisible();

  // The link worked once.
  await agent.goto(invitePath);
  await expect(agent.getByRole("heading", { name: "This invitation is already accepted" })).toBeVisible();
  await agentContext.close();

  // The owner sees the new member, no pending invitation, and the agent's access in the matrix.
  await owner.reload();
  const members = owner.getByRole("table", { name: "Staff members" });
  await expect(members.getByRole("row").filter({ hasText: agentEmail }).getByRole("cell").nth(2)).toContainText(/^Agent/);
  await expect(owner.getByRole("checkbox", { name: /Knowledge base editor/ })).not.toBeChecked();
  await expect(owner.getByText("No pending invitations")).toBeVisible();
  await expect(owner.getByLabel(`Access of ${agentName} to Support`, { exact: true })).toHaveValue("reply");
  await expect(owner.getByLabel(`Access of ${agentName} to Complaints`, { exact: true })).toHaveValue("");

  // The event log has both sides of it.
  await ownerNav.getByRole("link", { name: "Event log", exact: true }).click();
  await expect(owner.getByTestId("event-row").filter({ hasText: "Invited a colleague" })).toHaveCount(1);
  await expect(owner.getByTestId("event-row").filter({ hasText: "Joined the desk" })).toContainText(agentName);
  await ownerContext.close();
});
