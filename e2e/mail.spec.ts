import { expect, test } from "@playwright/test";
import { dovecotInstalled, startImapServer } from "../src/test/imap-server";
import { finishWizard, signUp, uniqueDesk } from "./helpers";

test("the customer's answer by mail, posted raw to the forwarding address, appears in the open ticket live", async ({ page, request }) => {
  const desk = uniqueDesk("Mail");
  await signUp(page, desk);
  await finishWizard(page, desk);

  // Incoming mail is the Mail integration option: the owner adds it in Billing.
  await page.goto(`/d/${desk.slug}/billing`);
  await page.getByRole("checkbox", { name: /Mail integration/ }).check();
  await page.getByRole("button", { name: "Update options" }).click();
  await page.getByRole("alertdialog", { name: "Update options?" }).getByRole("button", { name: "Update options" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();

  // Settings → Mail shows the forwarding address.
  await page.goto(`/d/${desk.slug}/settings/mail`);
  const address = (await page.getByLabel("Forwarding address").textContent())!.trim();
  expect(address).toMatch(/\/api\/mail\/inbound\/[A-Za-z0-9_-]{32}$/);

  // A first mail opens a ticket.
  const first = ["From: Pat Customer <pat@example.com>", "To: support@example.com", "Subject: Invoice is wrong", "Message-ID: <first-e2e@example.com>", "Content-Type: text/plain; charset=utf-8", "", "The invoice shows the wrong amount."].join("\r\n");
  const opened = await request.post(address, { data: first, headers: { "content-type": "message/rfc822" } });
  expect(opened.status()).toBe(202);
  expect(await opened.json()).toEqual({ outcome: "new_ticket", ticketNumber: 1001 });

  // The agent answers in the panel, and keeps the ticket open.
  await page.goto(`/d/${desk.slug}`);
  await page.getByRole("link", { name: /Invoice is wrong/ }).first().click();
  await page.getByRole("textbox", { name: "Reply to the customer" }).fill("We are checking the invoice.");
  await page.getByRole("button", { name: "Send reply" }).click();
  const conversation = page.getByRole("list", { name: "Conversation" });
  await expect(conversation.getByText("We are checking the invoice.")).toBeVisible();

  // The customer answers from their mail client: the subject tag threads it, and it appears without a reload.
  const reply = [
    "From: pat@example.com",
    "To: support@example.com",
    `Subject: Re: [${desk.slug.toUpperCase()}-1001] Invoice is wrong`,
    "Message-ID: <reply-e2e@example.com>",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "It should be 120, not 210.",
    "",
    "On Mon, 23 Nov 2026 at 10:00, Support <support@example.com> wrote:",
    "> We are checking the invoice.",
  ].join("\r\n");
  const threaded = await request.post(address, { data: reply, headers: { "content-type": "message/rfc822" } });
  expect(await threaded.json()).toEqual({ outcome: "appended", ticketNumber: 1001 });
  await expect(conversation.getByText("It should be 120, not 210.")).toBeVisible();
  await expect(conversation.getByText("> We are checking the invoice.")).toHaveCount(0);
});

test("an admin connects an IMAP mailbox, tests it, and its mail becomes a ticket with its original viewable", async ({ page }) => {
  test.skip(!dovecotInstalled, "needs Debian's dovecot-imapd (installed by .ci/run)");
  const server = await startImapServer(["help@mailbox-e2e.test"]);
  try {
    const desk = uniqueDesk("Mailbox");
    await signUp(page, desk);
    await finishWizard(page, desk);
    await page.goto(`/d/${desk.slug}/billing`);
    await page.getByRole("checkbox", { name: /Mail integration/ }).check();
    await page.getByRole("button", { name: "Update options" }).click();
    await page.getByRole("alertdialog", { name: "Update options?" }).getByRole("button", { name: "Update options" }).click();
    await expect(page.getByRole("alertdialog")).toBeHidden();

    await page.goto(`/d/${desk.slug}/settings/mail`);
    await page.getByRole("button", { name: "Connect a mailbox" }).click();
    const dialog = page.getByRole("dialog", { name: "Connect a mailbox" });
    await dialog.getByLabel("Mailbox address").fill("help@mailbox-e2e.test");
    await dialog.getByLabel("IMAP server").fill("127.0.0.1");
    await dialog.getByRole("textbox", { name: /^Port\b/ }).fill(String(server.port));
    await dialog.getByRole("checkbox", { name: "Use TLS (SSL)" }).uncheck();
    await dialog.getByLabel("User name").fill("help@mailbox-e2e.test");
    // A wrong password is explained, and nothing is saved.
    await dialog.getByLabel("Password or app password").fill("wrong");
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByText(/Could not sign in to the mailbox/)).toBeVisible({ timeout: 20_000 });
    await dialog.getByLabel("Password or app password").fill("secret");
    await dialog.getByRole("button", { name: "Test connection" }).click();
    await expect(dialog.getByRole("status")).toContainText("Connected.");
    await expect(dialog.getByLabel("Folder")).toHaveValue("INBOX");
    await dialog.getByRole("button", { name: "Connect", exact: true }).click();
    await expect(dialog).toBeHidden();
    const mailboxes = page.getByRole("list", { name: "Mailboxes" });
    await expect(mailboxes.getByText("help@mailbox-e2e.test")).toBeVisible();

    await server.deliver(
      "help@mailbox-e2e.test",
      ["From: Dana <dana@example.com>", "To: help@mailbox-e2e.test", "Subject: Cannot log in", "Message-ID: <imap-e2e@example.com>", "Content-Type: text/plain; charset=utf-8", "", "My password reset link expired."].join("\r\n"),
    );
    await mailboxes.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByText("help@mailbox-e2e.test checked: 1 message imported.")).toBeVisible();

    await page.goto(`/d/${desk.slug}`);
    await page.getByRole("link", { name: /Cannot log in/ }).first().click();
    await expect(page.getByRole("list", { name: "Conversation" }).getByText("My password reset link expired.")).toBeVisible();
    const original = page.getByRole("link", { name: "View the original e-mail" });
    const response = await page.request.get((await original.getAttribute("href"))!);
    expect(response.headers()["content-type"]).toContain("text/plain");
    expect(await response.text()).toContain("Message-ID: <imap-e2e@example.com>");
  } finally {
    await server.stop();
  }
});
