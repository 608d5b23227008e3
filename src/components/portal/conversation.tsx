import { renderMarkdown } from "@/lib/markdown";
import { cn } from "@/lib/cn";
import { markdownTypography } from "@/components/ui/markdown-typography";
import type { PortalView } from "@/server/portal/service";
import type { PortalTranslate } from "./i18n";
import { PaperclipIcon } from "./icons";
import { LocalTime } from "./local-time";
import { RateReply } from "./rate-reply";

type Message = NonNullable<PortalView["ticket"]>["messages"][number];

const markdownClassName = cn("text-[15px] leading-relaxed break-words text-slate-800", markdownTypography);

const sizeLabel = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * The public conversation, oldest first: the customer's messages and the team's replies, told
 * apart by colour, side and label. Replies are Markdown, rendered and sanitised on the server by
 * renderMarkdown; what the customer wrote is shown as plain text.
 */
export function PortalConversation({
  token,
  number,
  deskName,
  messages,
  rateMessageId,
  t,
}: {
  token: string;
  number: number | null;
  deskName: string;
  messages: Message[];
  rateMessageId: string | null;
  t: PortalTranslate;
}) {
  if (messages.length === 0) {
    return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">{t("conversation.empty")}</p>;
  }
  return (
    <section aria-labelledby="conversation-title">
      <h2 id="conversation-title" className="sr-only">
        {t("conversation.title")}
      </h2>
      <ol className="flex flex-col gap-4">
        {messages.map((message) => {
          const reply = message.kind === "reply";
          const headingId = `message-${message.id}-author`;
          return (
            <li key={message.id} id={`message-${message.id}`} className={cn("scroll-mt-6", reply ? "sm:mr-10" : "sm:ml-10")}>
              <article
                aria-labelledby={headingId}
                className={cn(
                  "rounded-2xl border px-4 py-4 shadow-xs sm:px-5",
                  reply ? "border-brand-100 bg-brand-50/60" : "border-slate-200 bg-white",
                )}
              >
                <header className="flex items-start gap-3">
                  <span
                    aria-hidden="true"
                    className={cn(
                      "flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white",
                      reply ? "bg-brand-600" : "bg-slate-500",
                    )}
                  >
                    {initials(message.authorName ?? t("conversation.you"))}
                  </span>
                  <div className="min-w-0 flex-1">
                    <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      <span className="font-semibold text-slate-900">{message.authorName ?? t("conversation.you")}</span>
                      {reply ? <span className="text-xs font-medium text-brand-700">{t("conversation.team", { desk: deskName })}</span> : null}
                    </h3>
                    <LocalTime at={message.createdAt} className="text-xs text-slate-500" />
                  </div>
                </header>
                <div className="mt-3 sm:pl-12">
                  {reply ? (
                    // Sanitised HTML from renderMarkdown: an allowlist of text formatting, no scripts or images.
                    <div className={markdownClassName} dangerouslySetInnerHTML={{ __html: renderMarkdown(message.body) }} />
                  ) : (
                    <p className="text-[15px] leading-relaxed break-words whitespace-pre-wrap text-slate-800">{message.body}</p>
                  )}
                  {message.attachments.length > 0 ? (
                    <ul aria-label={t("conversation.attachments")} className="mt-3 flex flex-wrap gap-2">
                      {message.attachments.map((file) => (
                        <li key={file.id}>
                          <a
                            href={`/t/${token}/files/${file.id}`}
                            download={file.fileName}
                            className="inline-flex max-w-full items-center gap-1.5 rounded-lg border border-slate-200 bg-white px-2.5 py-1.5 text-xs text-slate-700 transition-colors hover:border-brand-500 hover:text-brand-700"
                          >
                            <PaperclipIcon className="size-3.5 shrink-0" />
                            <span className="truncate">{file.fileName}</span>
                            <span className="shrink-0 text-slate-400">· {sizeLabel(file.size)}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {reply ? (
                    <RateReply
                      token={token}
                      number={number}
                      messageId={message.id}
                      rating={message.rating}
                      rateable={message.rateable}
                      startOpen={rateMessageId === message.id}
                    />
                  ) : null}
                </div>
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
