import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { renderArticleMarkdown, renderCommentMarkdown } from "@/lib/markdown";
import { openTestDatabase } from "@/test/database";
import { inviteAndJoin, readyDesk } from "@/test/desk";
import { refusal } from "@/test/expect";
import { callerAs } from "@/test/callers";
import { tenants } from "../kernel/schema";
import { widgetSubmission } from "../widget/inputs";
import { submitFromWidget } from "../widget/submit";
import { articlePage, searchArticles, sitemapEntries } from "./public";
import { withTenant } from "@/server/tenancy/scope";

const database = openTestDatabase();
type Desk = Awaited<ReturnType<typeof readyDesk>>;

const write = (desk: Desk, fields: { title: string; body: string; summary?: string; language?: "en" | "ru"; featured?: boolean }) =>
  desk.owner.kb.createArticle({ desk: desk.slug, categoryId: null, relatedIds: [], summary: "", featured: false, language: "en", ...fields });
const publish = (desk: Desk, id: string) => desk.owner.kb.setStatus({ desk: desk.slug, id, status: "published" });
const inDesk = <T>(desk: Desk, fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, desk.tenantId, fn);
const visitor = () => callerAs(database.db);

describe("the knowledge base", () => {
  it("never shows a draft publicly, not even by its slug, and shows it once published", async () => {
    const desk = await readyDesk(database.db, "kb-drafts", ["Support"]);
    const article = await write(desk, { title: "Resetting a forgotten password", body: "Open **Settings**, then choose *Reset*." });
    expect(article.slug).toBe("resetting-a-forgotten-password");
    const publicView = () => inDesk(desk, (tx) => articlePage(tx, article.slug, { countView: true }));
    expect(await publicView()).toBeNull();
    expect(await (await visitor()).helpCenter.search({ desk: desk.slug, query: "password" })).toEqual([]);
    expect((await inDesk(desk, (tx) => sitemapEntries(tx))).articles).toEqual([]);

    await publish(desk, article.id);
    const page = (await publicView())!;
    expect(page.title).toBe("Resetting a forgotten password");
    expect(page.html).toContain("<strong>Settings</strong>");
    expect((await (await visitor()).helpCenter.search({ desk: desk.slug, query: "passw" })).map((a) => a.title)).toEqual(["Resetting a forgotten password"]);
    expect((await inDesk(desk, (tx) => sitemapEntries(tx))).articles.map((a) => a.slug)).toEqual([article.slug]);

    await desk.owner.kb.setStatus({ desk: desk.slug, id: article.id, status: "draft" });
    expect(await publicView()).toBeNull();
    expect((await desk.owner.kb.article({ desk: desk.slug, id: article.id })).stats.views).toBe(1);
  });

  it("ranks a title match above body matches, highlights the words, and stems Russian", async () => {
    const desk = await readyDesk(database.db, "kb-ranking", ["Support"]);
    const body = await write(desk, { title: "Heating guide", body: "The thermostat, the thermostat and again the thermostat: all about heating." });
    const title = await write(desk, { title: "Thermostat troubleshooting", body: "When the room is cold, check the batteries." });
    const ru = await write(desk, { title: "Как оформить возврат", body: "Заявка на возврат заказа создаётся в личном кабинете.", language: "ru" });
    for (const a of [body, title, ru]) await publish(desk, a.id);
    const found = await inDesk(desk, (tx) => searchArticles(tx, "thermostat"));
    const category = await desk.owner.kb.createCategory({ desk: desk.slug, name: "Heating", description: "", icon: "", parentId: null });
    await desk.owner.kb.updateArticle({ desk: desk.slug, id: body.id, title: "Heating guide", summary: "", body: "## The **thermostat**, the thermostat and again the thermostat: all about heating.", categoryId: category.id, relatedIds: [], featured: false, language: "en", expectedVersion: 1 });
    expect((await desk.owner.kb.categories({ desk: desk.slug })).map((c) => [c.name, c.articles])).toEqual([["Heating", 1]]);
    expect((await inDesk(desk, (tx) => searchArticles(tx, "heating guide")))[0]!.snippet).not.toMatch(/[#*]/);
    expect(found.map((a) => a.title)).toEqual(["Thermostat troubleshooting", "Heating guide"]);
    expect(found[1]!.snippet).toContain("\uE000thermostat\uE001");
    for (const query of ["заявки", "заказы", "возвраты"]) {
      expect((await inDesk(desk, (tx) => searchArticles(tx, query))).map((a) => a.title), query).toEqual(["Как оформить возврат"]);
    }
    expect(await inDesk(desk, (tx) => searchArticles(tx, "refrigerator"))).toEqual([]);
    expect(await inDesk(desk, (tx) => searchArticles(tx, "thermostat refrigerator"))).toEqual([]);
    // A whole question finds the articles with any of its words, the title match first.
    expect((await inDesk(desk, (tx) => searchArticles(tx, "why is my thermostat blinking"))).map((a) => a.title)).toEqual(["Thermostat troubleshooting", "Heating guide"]);
  });

  it("keeps every version, restores an old one as a new version, and refuses a stale save", async () => {
    const desk = await readyDesk(database.db, "kb-revisions", ["Support"]);
    const v1 = await write(desk, { title: "Shipping times", body: "Three days." });
    const fields = { desk: desk.slug, id: v1.id, categoryId: null, relatedIds: [], summary: "", featured: false, language: "en" as const };
    await desk.owner.kb.updateArticle({ ...fields, title: "Shipping times", body: "Two days.", expectedVersion: 1 });
    expect((await refusal(desk.owner.kb.updateArticle({ ...fields, title: "Shipping times", body: "One day.", expectedVersion: 1 }))).code).toBe("CONFLICT");
    const history = await desk.owner.kb.article({ desk: desk.slug, id: v1.id });
    expect(history.article.body).toBe("Two days.");
    expect(history.revisions.map((r) => r.version)).toEqual([2, 1]);
    const first = history.revisions.find((r) => r.version === 1)!;
    const restored = await desk.owner.kb.restore({ desk: desk.slug, id: v1.id, revisionId: first.id });
    expect(restored).toMatchObject({ version: 3, body: "Three days." });
  });

  it("shows a comment only after a moderator approves it; spam signals are flagged for them", async () => {
    const desk = await readyDesk(database.db, "kb-comments", ["Support"]);
    const article = await write(desk, { title: "Returns", body: "Send it back within 30 days." });
    await publish(desk, article.id);
    await desk.owner.stopList.add({ desk: desk.slug, kind: "word", value: "casino" });
    const guest = await visitor();
    const comment = (body: string, website = "") => guest.helpCenter.comment({ desk: desk.slug, articleId: article.id, name: "Sam", email: "", body, website });
    expect(await comment("Does this include sale items? See [my blog](https://example.com)")).toEqual({ pending: true });
    await comment("Best casino in town");
    await comment("Cheap pills", "http://spam.example");
    const comments = async () => (await inDesk(desk, (tx) => articlePage(tx, article.slug, { countView: false })))!.comments;
    expect(await comments()).toEqual([]);

    const queue = await desk.owner.kb.comments({ desk: desk.slug, status: "pending" });
    expect(queue.map((c) => [c.body.slice(0, 14), c.flag])).toEqual([
      ["Does this incl", null],
      ["Best casino in", "stop_list"],
      ["Cheap pills", "spam"],
    ]);
    await desk.owner.kb.moderate({ desk: desk.slug, id: queue[0]!.id, status: "approved", reply: "Yes, sale items too." });
    await desk.owner.kb.moderate({ desk: desk.slug, id: queue[1]!.id, status: "rejected" });
    const shown = await comments();
    expect(shown.map((c) => c.authorName)).toEqual(["Sam"]);
    expect(shown[0]!.html).toContain('rel="noopener nofollow ugc"');
    expect(shown[0]!.replyHtml).toContain("Yes, sale items too.");
    // A draft takes no comments or votes.
    const draft = await write(desk, { title: "Secret plans", body: "Not yet." });
    expect((await refusal(guest.helpCenter.comment({ desk: desk.slug, articleId: draft.id, name: "Sam", email: "", body: "hi", website: "" }))).code).toBe("NOT_FOUND");
  });

  it("takes one changeable vote per visitor and counts widget reads that ended without a request as deflections", async () => {
    const desk = await readyDesk(database.db, "kb-votes", ["Support"]);
    const article = await write(desk, { title: "Tracking a parcel", body: "Use the tracking link in your mail." });
    await publish(desk, article.id);
    const guest = await visitor();
    await guest.helpCenter.vote({ desk: desk.slug, articleId: article.id, visitorKey: "visitor-one-123456", helpful: false, score: null });
    await guest.helpCenter.vote({ desk: desk.slug, articleId: article.id, visitorKey: "visitor-one-123456", helpful: true, score: 4 });
    await guest.helpCenter.vote({ desk: desk.slug, articleId: article.id, visitorKey: "visitor-two-123456", helpful: false, score: 2 });
    for (let i = 0; i < 3; i++) await inDesk(desk, (tx) => articlePage(tx, article.slug, { countView: true, fromWidget: true }));
    await inDesk(desk, (tx) => articlePage(tx, article.slug, { countView: true }));
    const settings = await desk.owner.widget.settings({ desk: desk.slug });
    await submitFromWidget(database.db, settings.publicKey, widgetSubmission.parse({ email: "v@example.com", message: "Still lost" }), [], { ip: "198.51.100.77", articlesRead: [article.id] });
    const { stats } = await desk.owner.kb.article({ desk: desk.slug, id: article.id });
    expect(stats).toMatchObject({ views: 4, widgetViews: 3, deflections: 2, helpful: 1, votes: 2, averageScore: 3 });
    expect((await desk.owner.kb.articles({ desk: desk.slug }))[0]).toMatchObject({ views30: 4, helpful: 1, votes: 2, deflections: 2, pendingComments: 0 });
  });

  it("keeps writing to editors of its own desk, and another desk's articles out of sight", async () => {
    const desk = await readyDesk(database.db, "kb-guard", ["Support"]);
    const other = await readyDesk(database.db, "kb-guard-other", ["Support"]);
    const secret = await write(desk, { title: "Warranty claims", body: "How to claim." });
    await publish(desk, secret.id);
    const { caller: agent, member } = await inviteAndJoin(database.db, desk, { email: "writer@kb-guard.test", grants: { [desk.departmentIds.Support!]: "reply" } });
    expect((await refusal(agent.kb.createArticle({ desk: desk.slug, title: "Mine", body: "x", categoryId: null, relatedIds: [], summary: "", featured: false, language: "en" }))).code).toBe("FORBIDDEN");
    expect((await refusal(agent.kb.comments({ desk: desk.slug, status: "pending" }))).code).toBe("FORBIDDEN");
    expect((await agent.kb.linkSearch({ desk: desk.slug, query: "warr" })).map((a) => a.title)).toEqual(["Warranty claims"]);
    await desk.owner.staff.setKbEditor({ desk: desk.slug, membershipId: member.membershipId, kbEditor: true });
    expect((await agent.kb.createArticle({ desk: desk.slug, title: "Mine", body: "x", categoryId: null, relatedIds: [], summary: "", featured: false, language: "en" })).title).toBe("Mine");

    expect((await refusal(other.owner.kb.article({ desk: desk.slug, id: secret.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(other.owner.kb.article({ desk: other.slug, id: secret.id }))).code).toBe("NOT_FOUND");
    expect(await (await visitor()).helpCenter.search({ desk: other.slug, query: "warranty" })).toEqual([]);
    expect(await withTenant(database.db, other.tenantId, (tx) => articlePage(tx, secret.slug, { countView: true }))).toBeNull();
    expect((await refusal((await visitor()).helpCenter.vote({ desk: other.slug, articleId: secret.id, visitorKey: "visitor-one-123456", helpful: true, score: null }))).code).toBe("NOT_FOUND");
    // A desk that has not finished setup has no help center at all.
    await database.db.update(tenants).set({ setupCompletedAt: null }).where(eq(tenants.id, other.tenantId));
    expect((await refusal((await visitor()).helpCenter.search({ desk: other.slug, query: "x" }))).code).toBe("NOT_FOUND");
  });
});

describe("the sanitiser", () => {
  const hostile = [
    ["<script>alert(1)</script>Hello", "Hello"],
    ['<img src=x onerror="alert(1)">', ""],
    ["[click](javascript:alert(1))", "click"],
    ['<svg onload="alert(1)"><script>alert(1)</script></svg>After', "After"],
    ["[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "data"],
    ['<iframe src="https://evil.example"></iframe>Text', "Text"],
    ['<a href="https://ok.example" onclick="alert(1)">ok</a>', "ok"],
    ["![x](https://evil.example/track.png)", ""],
    ['<p style="background:url(javascript:alert(1))">styled</p>', "styled"],
  ] as const;

  it("strips scripts, handlers, javascript: and data: URLs, SVG and frames from articles and comments", () => {
    for (const [input, text] of hostile) {
      for (const html of [renderArticleMarkdown(input), renderCommentMarkdown(input)]) {
        expect(html, input).not.toMatch(/<script|onerror|onload|onclick|javascript:|data:text|<svg|<iframe|style=|evil\.example\/track/i);
        expect(html.replace(/<[^>]+>/g, "").trim(), input).toBe(text);
      }
    }
  });

  it("keeps the desk's own images in articles and marks comment links nofollow ugc", () => {
    const id = "0199a1b2-c3d4-7e5f-8a9b-000000000001";
    expect(renderArticleMarkdown(`![Screen](/help/acme/files/${id})`)).toContain(`<img src="/help/acme/files/${id}" alt="Screen"`);
    expect(renderCommentMarkdown("[site](https://example.com)")).toContain('rel="noopener nofollow ugc"');
  });
});
