import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders the formatting of a message", () => {
    const html = renderMarkdown("Hello **Ann**, see _this_:\n\n- one\n- two\n\n> quoted\n\n`code`");
    expect(html).toContain("<strong>Ann</strong>");
    expect(html).toContain("<em>this</em>");
    expect(html).toContain("<ul>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code</code>");
  });

  it("keeps line breaks of plain mail text", () => {
    expect(renderMarkdown("first line\nsecond line")).toMatch(/first line<br \/>\s*second line/);
  });

  it("renders tables and headings", () => {
    const html = renderMarkdown("## Steps\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<h2>Steps</h2>");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
  });

  it("opens web links in a new tab without passing the opener or ranking", () => {
    const html = renderMarkdown("[docs](https://example.com/help) and <mailto:help@example.com>");
    expect(html).toContain('<a href="https://example.com/help" rel="noopener nofollow ugc" target="_blank">docs</a>');
    expect(html).toContain('href="mailto:help@example.com"');
  });

  it("drops script tags with their content", () => {
    const html = renderMarkdown("Hi <script>alert(1)</script> there\n\n<script src=\"https://evil.example/x.js\"></script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("alert(1)");
    expect(html).toContain("Hi");
    expect(html).toContain("there");
  });

  it("drops event handler attributes and images", () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)"> <p onclick="alert(2)">text</p> <a href="https://ok.example" onmouseover="alert(3)">link</a>');
    expect(html).not.toMatch(/onerror|onclick|onmouseover/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("alert(");
    expect(html).toContain("text");
    expect(html).toContain('href="https://ok.example"');
  });

  it("drops javascript: links however they are spelled", () => {
    for (const link of [
      "[click](javascript:alert(1))",
      '<a href="javascript:alert(1)">click</a>',
      '<a href="JaVaScRiPt:alert(1)">click</a>',
      '<a href=" javascript:alert(1)">click</a>',
      '<a href="java&#x09;script:alert(1)">click</a>',
      '<a href="&#106;avascript:alert(1)">click</a>',
      "<javascript:alert(1)>",
    ]) {
      const html = renderMarkdown(link);
      expect(html, link).not.toMatch(/<a\b/i);
      expect(html, link).not.toMatch(/href=/i);
    }
  });

  it("drops iframes, objects and embeds", () => {
    const html = renderMarkdown('<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf">after');
    expect(html).not.toMatch(/<iframe|<object|<embed/i);
    expect(html).not.toContain("evil.example");
    expect(html).toContain("after");
  });

  it("drops SVG with script inside", () => {
    const html = renderMarkdown('<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>x</text></a></svg>ok');
    expect(html).not.toMatch(/<svg|<script|onload|xlink/i);
    expect(html).not.toContain("alert(");
    expect(html).toContain("ok");
  });

  it("drops data: URLs in links and images", () => {
    const html = renderMarkdown(
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![y](data:image/svg+xml;base64,PHN2Zz4=) <a href="data:text/html,<script>alert(1)</script>">z</a>',
    );
    expect(html).not.toMatch(/data:/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
  });

  it("drops relative and protocol-relative links and styles", () => {
    const html = renderMarkdown('[a](/d/acme/settings) [b](//evil.example) <span style="position:fixed">c</span> <style>body{display:none}</style>');
    expect(html).not.toContain("href=");
    expect(html).not.toMatch(/<a\b/i);
    expect(html).not.toMatch(/style/i);
    expect(html).toContain("c");
  });
});
