import type { ParsedMail } from "mailparser";

/** A header's raw value (first occurrence, unfolded), or "" when the message has none. */
export function rawHeader(parsed: ParsedMail, name: string): string {
  const line = parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? "";
  return line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
}

const hasHeader = (parsed: ParsedMail, name: string) => parsed.headerLines.some((h) => h.key === name);

/** Subjects Exchange and Outlook give out-of-office replies, believed only with an Exchange header. */
const outOfOfficeSubject = /^(Auto:|Automatic reply:|Autosvar:|Abwesenheitsnotiz:|Automatische Antwort:|Réponse automatique\s?:|Respuesta automática:|Risposta automatica:|Resposta automática:|Automatisch antwoord:|Odpowiedź automatyczna:|Автоматический ответ:|Автоматична відповідь:)/i;

/**
 * Machine-written mail that must never act as the customer:
 * - bounces: mailer-daemon/postmaster (or Exchange's own) senders, `multipart/report` delivery
 *   status reports (RFC 3464);
 * - auto-replies: read receipts (`report-type=disposition-notification`, RFC 8098), RFC 3834
 *   `Auto-Submitted` other than "no", `X-Autoreply`, `X-Autorespond`, a non-empty
 *   `X-Auto-Response-Suppress`, `Precedence: bulk/junk/list/auto_reply`, and Exchange's
 *   "Automatic reply:" subjects when an Exchange header is there too (never the subject alone).
 */
export function automatic(parsed: ParsedMail, from: string): "auto_reply" | "bounce" | null {
  const contentType = rawHeader(parsed, "content-type").toLowerCase();
  if (/^(mailer-daemon|postmaster|microsoftexchange[0-9a-f]{32})@/.test(from)) return "bounce";
  if (contentType.startsWith("multipart/report")) {
    if (/report-type\s*=\s*"?delivery-status/.test(contentType)) return "bounce";
    // Read receipts, and any other machine report (feedback, TLS reports).
    return "auto_reply";
  }
  const autoSubmitted = rawHeader(parsed, "auto-submitted").toLowerCase();
  if (autoSubmitted && !autoSubmitted.startsWith("no")) return "auto_reply";
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-response-suppress"]) {
    const value = rawHeader(parsed, name).toLowerCase();
    if (value && value !== "no") return "auto_reply";
  }
  if (["bulk", "junk", "list", "auto_reply"].includes(rawHeader(parsed, "precedence").toLowerCase())) return "auto_reply";
  const exchange = parsed.headerLines.some((h) => h.key.startsWith("x-ms-exchange") || h.key === "thread-index") || hasHeader(parsed, "x-mailer") && /outlook|exchange/i.test(rawHeader(parsed, "x-mailer"));
  if (exchange && outOfOfficeSubject.test((parsed.subject ?? "").trim())) return "auto_reply";
  return null;
}

/**
 * The spam verdict of the server that received the message before us, when it gave one:
 * SpamAssassin (`X-Spam-Flag: YES`, `X-Spam-Status: Yes, score=…`), rspamd (`X-Spam: Yes`,
 * `X-Rspamd-Action`), and `X-Spam-Verdict`. "No", "clean" and rspamd's "no action" are no verdict.
 */
export function spamVerdict(parsed: ParsedMail): string | null {
  if (/^yes\b/i.test(rawHeader(parsed, "x-spam-flag"))) return "X-Spam-Flag: YES";
  const status = rawHeader(parsed, "x-spam-status");
  if (/^yes\b/i.test(status)) {
    const score = /score=(-?[\d.]+)/i.exec(status)?.[1];
    return score ? `X-Spam-Status: Yes, score=${score}` : "X-Spam-Status: Yes";
  }
  const action = rawHeader(parsed, "x-rspamd-action").toLowerCase();
  if (["reject", "add header", "rewrite subject", "soft reject"].includes(action)) return `rspamd: ${action}`;
  if (/^yes\b/i.test(rawHeader(parsed, "x-spam"))) return "rspamd: X-Spam: Yes";
  const verdict = rawHeader(parsed, "x-spam-verdict");
  if (/^(yes|spam|fail|true|junk)\b/i.test(verdict)) return `X-Spam-Verdict: ${verdict.slice(0, 40)}`;
  return null;
}
