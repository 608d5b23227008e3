import EmailReplyParser from "email-reply-parser";

/**
 * Lines that start the quoted history under a reply, in the ten languages Deskhand knows
 * (English, Russian, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Ukrainian).
 * Attribution lines: a language's opening word, anything, its "wrote" verb, a colon.
 */
const attributions = [
  /^On\s.{4,250}\swrote\s?:$/i,
  /^Am\s.{4,250}\sschrieb\b.{0,200}:$/i,
  /^Le\s.{4,250}\sa\s(é|e)crit\s?:$/i,
  /^El\s.{4,250}\sescribi(ó|o)\s?:$/i,
  /^(Il\s|In data\s).{4,250}\sha scritto\s?:$/i,
  /^(Em|Às|No dia)\s.{4,250}\sescreveu\s?:$/i,
  /^Op\s.{4,250}\sschreef\b.{0,200}:$/i,
  /^(W dniu|Dnia)\s.{4,250}\s(pisze|napisał\(a\)|napisała|napisał)\s?:$/i,
  // Russian, Ukrainian and Polish clients may put the date first: "23.11.2026, 10:00, Анна пишет:".
  /^.{0,250}\d.{0,250}\s(пишет|написал\(а\)|написала|написал|пише|написав\(ла\)|написав|pisze|napisał\(a\)|napisała|napisał)\s?:$/i,
  // No verb at all (Gmail in Russian: "пн, 23 нояб. 2026 г. в 10:00, Anna <anna@example.com>:"): a time and an address.
  /^.{0,120}\d{1,2}:\d{2}.{0,120}<[^<>\s]+@[^<>\s]+>\s?:$/,
  // The Bat!: "Вы писали 23 ноября 2026 г., 10:00:46:".
  /^(Вы писали|Ви писали|You wrote)\s.{4,120}\d.{0,40}:$/i,
  // Yandex: "23.11.2026, 10:00, "Anna" <anna@example.com>:"; Mail.ru: "Понедельник, 23 ноября 2026, 10:00 +03:00 от Anna <anna@example.com>:".
  /^\d{1,2}\.\d{1,2}\.\d{2,4},?\s+\d{1,2}:\d{2},\s.{1,200}<[^<>\s]+@[^<>\s]+>\s?:$/,
  /^.{0,120}\d{4},?\s\d{1,2}:\d{2}.{0,30}\sот\s.{1,200}:$/i,
];

/** Where each language's "-----Original Message-----" or forwarded-message separator is. */
const separators =
  /^[-_=\s]*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Mensaje original|Messaggio originale|Mensagem original|Oorspronkelijk bericht|Wiadomość oryginalna|Оригінальне повідомлення|Исходное сообщение|Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Messaggio inoltrato|Mensagem encaminhada|Doorgestuurd bericht|Wiadomość przekazana|Переслане повідомлення|Пересланное сообщение)[-_=\s]*$/i;
const forwardOpening = /^(Begin forwarded message|Début du message réexpédié|Anfang der weitergeleiteten Nachricht|Inicio del mensaje reenviado)\s?:$/i;

/** Outlook's header block: a "From:" line, right under it "Sent:"/"Date:", then "To:" or "Subject:". */
const fromLine = /^\*?(From|Von|De|Da|Van|Od|Від|От)\s?:\*?\s*\S/i;
const toLine = /^\*?(To|Cc|Subject|An|Betreff|À|Objet|Para|Asunto|A|Oggetto|Assunto|Aan|Onderwerp|Do|Temat|Кому|Копія|Копия|Тема)\s?:/i;
const sentLine = /^\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Enviada|Fecha|Inviato|Data|Verzonden|Wysłano|Надіслано|Дата|Отправлено)\s?:\*?\s*\S/i;

/** What starts the quoted history at line i: an attribution line ("On … wrote:"), another marker, or nothing. */
function startsHistory(lines: string[], i: number): "attribution" | "marker" | null {
  const line = lines[i]!.trim();
  if (line.length > 500) return null;
  if (separators.test(line) && /[-_=]{2,}/.test(line)) return "marker";
  if (forwardOpening.test(line)) return "marker";
  if (attributions.some((pattern) => pattern.test(line))) return "attribution";
  const next = (lines[i + 1] ?? "").trim();
  // An attribution wrapped over two lines by the sender's client.
  if (!line.endsWith(":") && next.length > 0 && next.length < 160 && attributions.some((pattern) => pattern.test(`${line} ${next}`))) return "attribution";
  if (fromLine.test(line)) {
    // "Sent:" on the next line (or after a wrapped address line), then "To:"/"Subject:": a paragraph
    // "From: my colleague I heard…" never cuts, even followed by one that starts "Sent:".
    const sent = sentLine.test(next) ? i + 1 : !next.includes(":") && sentLine.test((lines[i + 2] ?? "").trim()) ? i + 2 : -1;
    if (sent > 0 && lines.slice(sent + 1, sent + 4).some((after) => toLine.test(after.trim()))) return "marker";
  }
  return null;
}

/**
 * Whether the sender answered between the quoted lines under an attribution ("> question" then
 * their answer): then nothing under it is only history.
 */
function answersInline(lines: string[], cut: number): boolean {
  const after = lines.slice(lines[cut]!.trim().endsWith(":") ? cut + 1 : cut + 2);
  const first = after.findIndex((line) => line.trim() !== "");
  if (first < 0 || !after[first]!.trimStart().startsWith(">")) return false;
  return after.slice(first).some((line) => line.trim() !== "" && !line.trimStart().startsWith(">"));
}

/** email-reply-parser reads texts of this size only: its patterns are slow on very long lines. */
const libraryLimit = 20_000;

/** Drops the "> " quoted block (and a quote header email-reply-parser knows) at the end of a text. */
function withoutTrailingQuote(text: string): string {
  const lines = text.split("\n");
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === "" || lines[end - 1]!.trimStart().startsWith(">"))) end--;
  let kept = lines.slice(0, end).join("\n");
  if (kept.length > libraryLimit || kept.split("\n").some((line) => line.length > 1000)) return kept;
  const fragments = new EmailReplyParser().read(kept).getFragments();
  let first = fragments.length;
  while (first > 0 && (fragments[first - 1]!.isQuoted() || fragments[first - 1]!.isEmpty())) first--;
  const quoted = fragments.slice(first).find((fragment) => fragment.isQuoted() && !fragment.isEmpty());
  if (!quoted) return kept;
  // The library may join lines it reads as one header: find the quoted part by its first words.
  const start = quoted.getContent().trim().slice(0, 20);
  const keptLines = kept.split("\n");
  const at = keptLines.findLastIndex((line) => line.trim().startsWith(start.split("\n")[0]!));
  if (at > 0) kept = keptLines.slice(0, at).join("\n");
  return kept;
}

/**
 * Cuts the quoted history a mail client appends under a reply: attribution lines ("On … wrote:",
 * "Am … schrieb …:", "Le … a écrit :", "… пишет:", also wrapped over two lines), Outlook's
 * header block ("From:/Sent:", "Von:/Gesendet:", "De :/Envoyé :" …), "-----Original Message-----"
 * and forwarded-message separators, and trailing "> " lines. When the sender answered between the
 * quoted lines under an attribution, those answers stay. A text that would be cut to nothing
 * (a forward with no words above it, a lone quote) stays whole. The full original is stored too.
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let cut = -1;
  for (let i = 0; i < lines.length && cut < 0; i++) {
    const kind = startsHistory(lines, i);
    if (kind === "marker" || (kind === "attribution" && !answersInline(lines, i))) cut = i;
    // An inline answer: the rest is the sender's text, with only a trailing quote to drop.
    if (kind === "attribution" && cut < 0) break;
  }
  const kept = withoutTrailingQuote((cut >= 0 ? lines.slice(0, cut) : lines).join("\n"))
    // Outlook's "________________________________" rule above the header block.
    .replace(/(\n[ \t]*[-_=]{8,}[ \t]*)+\s*$/, "");
  return kept.trim() || text.trim();
}
