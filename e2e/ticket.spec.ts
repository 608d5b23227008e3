import { expect, test, type Page } from "@playwright/test";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

/** Files a ticket through the API from the signed-in page (superjson wire format: {json: input}). */
async function fileTicket(page: Page, slug: string) {
  return page.evaluate(async (desk) => {
    const listed = await fetch(`/api/trpc/departments.list?input=${encodeURIComponent(JSON.stringify({ json: { desk } }))}`);
    const departments = (await listed.json()).result.data.json as { id: string; name: string }[];
    const support = departments.find((d) => d.name === "Support");
    if (!support) throw new Error("No Support department");
    const response = await fetch("/api/trpc/tickets.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        json: {
          desk,
          subject: "Cannot log in after the password reset",
          body: "Hi,\n\nI reset my password yesterday and now I **cannot log in**.\n\nPat",
          customerEmail: "pat@example.com",
          customerName: "Pat Customer",
          departmentId: support.id,
          priority: "normal",
          assigneeMembershipId: null,
          tags: [],
        },
      }),
    });
    const ticket = (await response.json()).result.data.json as { id: string; number: number };
    return { id: ticket.id, number: ticket.number };
  }, slug);
}

test("an owner answers a ticket with a canned reply, adds a private note, takes it and forwards it", async ({ page }) => {
  const desk = uniqueDesk("Tickets");
  await signUp(page, desk);
  await finishWizard(page, desk);
  const ticket = await fileTicket(page, desk.slug);

  // A shared canned reply with placeholders.
  await page.goto(`/d/${desk.slug}/canned`);
  await page.getByRole("button", { name: "New canned reply" }).click();
  const form = page.getByRole("dialog", { name: "New canned reply" });
  await form.getByLabel("Title").fill("Greeting");
  await form.getByLabel("Text").fill("Hello {{customer.name}}, about ticket #{{ticket.number}} — {{agent.name}}");
  await form.getByRole("checkbox", { name: "Shared with the whole desk" }).check();
  await form.getByRole("button", { name: "Create canned reply" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText("“Greeting” is created.")).toBeVisible();
  await expect(page.getByTestId("canned-reply").filter({ hasText: "Greeting" })).toContainText("Shared");

  // The ticket page.
  await page.goto(`/d/${desk.slug}/tickets/${ticket.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Cannot log in after the password reset" })).toBeVisible();
  await expect(page.getByText(`#${ticket.number}`, { exact: true })).toBeVisible();
  const conversation = page.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByText("I reset my password yesterday")).toBeVisible();
  const side = page.getByRole("complementary", { name: "Ticket details" });

  // Insert the canned reply from the composer (retried until the page has hydrated).
  const picker = page.getByRole("dialog", { name: "Insert a canned reply" });
  await expect(async () => {
    await page.getByRole("button", { name: "Canned reply", exact: true }).click();
    await expect(picker).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await picker.getByRole("combobox", { name: "Search canned replies" }).fill("Greet");
  await picker.getByRole("option", { name: /Greeting/ }).click();
  await expect(picker).toBeHidden();
  const reply = page.getByRole("textbox", { name: "Reply to the customer" });
  await expect(reply).toHaveValue("Hello {{customer.name}}, about ticket #{{ticket.number}} — {{agent.name}}");
  await expect(page.getByLabel("Status after sending")).toHaveValue("pending");

  // Sent: the server filled in the placeholders.
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(conversation.getByText(`Hello Pat Customer, about ticket #${ticket.number} — ${desk.ownerName}`)).toBeVisible();
  await expect(reply).toHaveValue("");
  await expect(conversation.getByText(`${desk.ownerName} changed status from New to Pending`)).toBeVisible();

  // A private note, sent with Ctrl+Enter.
  await page.getByRole("tab", { name: "Private note" }).click();
  const note = page.getByRole("textbox", { name: "Private note for colleagues" });
  await note.fill("Checked the logs: the SSO token expired.");
  await note.press("Control+Enter");
  const noteItem = conversation.getByTestId("ticket-message").filter({ hasText: "Checked the logs: the SSO token expired." });
  await expect(noteItem).toBeVisible();
  await expect(noteItem).toContainText("Private note — customers never see it");
  await expect(note).toHaveValue("");

  // Reassigned to the owner through the assignee picker.
  await side.getByRole("button", { name: /^Assignee/ }).click();
  await page.getByRole("option", { name: `${desk.ownerName} (you)` }).click();
  await expect(page.getByTestId("ticket-assignee")).toHaveText(desk.ownerName);
  await expect(conversation.getByText(`${desk.ownerName} took the ticket`)).toBeVisible();

  // Forwarded to Payments with a note for the department.
  await side.getByRole("button", { name: "Forward to department" }).click();
  const forward = page.getByRole("dialog", { name: /Forward ticket/ });
  await forward.getByRole("combobox", { name: "Department" }).selectOption({ label: "Payments" });
  await forward.getByLabel("Note for the department").fill("Charged twice: please refund one of the payments.");
  await forward.getByRole("button", { name: "Forward", exact: true }).click();
  await expect(forward).toBeHidden();
  await expect(page.getByText("Forwarded to Payments.")).toBeVisible();
  await expect(conversation.getByText(`${desk.ownerName} forwarded the ticket to Payments`)).toBeVisible();
  await expect(conversation.getByTestId("ticket-message").filter({ hasText: "Charged twice: please refund one of the payments." })).toContainText(
    "Private note — customers never see it",
  );
  await expect(side.getByRole("region", { name: "Department" })).toContainText("Payments");
  // Forwarding leaves the ticket unassigned for the new department.
  await expect(page.getByTestId("ticket-assignee")).toHaveText("Unassigned");
});
