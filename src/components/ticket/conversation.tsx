"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { MoreIcon } from "@/components/ui/icon";
import { cn } from "@/lib/cn";
import { MarkdownBody } from "./markdown-body";
import { initials, viewerCan, type TicketEvent, type TicketMessage } from "./shared";
import { SplitDialog } from "./split-dialog";
import { useTicket } from "./ticket-context";
import { TimelineEntry } from "./timeline-entry";
import { useStaff } from "./use-staff-names";
import { AttachmentList } from "./attachments";
import { ReplyRating } from "./reply-rating";
import { MailAsSent, MailFacts } from "./mail-details";

type Item = { kind: "message"; at: number; id: string; message: TicketMessage } | { kind: "event"; at: number; id: string; event: TicketEvent };

/** Messages and timeline entries, interleaved by time (both have time-ordered ids as a tiebreak). */
export function Conversation({ highlighted }: { highlighted: ReadonlySet<string> }) {
  const t = useTranslations("ticket.conversation");
  const { data, viewer } = useTicket();
  const { names } = useStaff();
  const [splitting, setSplitting] = useState<TicketMessage | null>(null);
  const items = useMemo(() => {
    const all: Item[] = [
      ...data.messages.map((message) => ({ kind: "message" as const, at: message.createdAt.getTime(), id: message.id, message })),
      ...data.events.map((event) => ({ kind: "event" as const, at: event.createdAt.getTime(), id: event.id, event })),
    ];
    return all.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }, [data.messages, data.events]);
  const maySplit = data.messages.length >= 2 && !data.ticket.deletedAt && viewerCan(viewer, "ticket.manage", data.ticket.departmentId);

  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading" className="sr-only">
        {t("title")}
      </h2>
      {data.messages.length === 0 ? <p className="mb-3 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-500">{t("noMessages")}</p> : null}
      <ol aria-label={t("title")} className="flex flex-col gap-2">
        {items.map((item) =>
          item.kind === "message" ? (
            <MessageItem
              key={item.id}
              message={item.message}
              highlighted={highlighted.has(item.id)}
              onSplit={maySplit ? () => setSplitting(item.message) : undefined}
            />
          ) : (
            <TimelineEntry key={item.id} event={item.event} highlighted={highlighted.has(item.id)} names={names} />
          ),
        )}
      </ol>
      <SplitDialog message={splitting} onClose={() => setSplitting(null)} />
    </section>
  );
}

const kindStyles = {
  customer: { box: "border-slate-200 bg-white", avatar: "bg-slate-500" },
  reply: { box: "border-brand-100 bg-brand-50/50", avatar: "bg-brand-600" },
  note: { box: "border-amber-200 bg-amber-50", avatar: "bg-amber-600" },
} as const;

function MessageItem({ message, highlighted, onSplit }: { message: TicketMessage; highlighted: boolean; onSplit?: () => void }) {
  const t = useTranslations("ticket.conversation");
  const tChannel = useTranslations("ticket.channel");
  const format = useFormatter();
  const { desk, data } = useTicket();
  const customer = data.customer;
  const author =
    message.kind === "customer"
      ? message.authorEmail
        ? message.authorEmail
        : message.customerId === customer.id
          ? customer.name || customer.email
          : t("customer")
      : (message.authorName ?? t("formerColleague"));
  const style = kindStyles[message.kind];
  const rating = message.kind === "reply" ? data.ratings.find((r) => r.messageId === message.id) : undefined;
  const headingId = `message-${message.id}`;

  return (
    <li>
      <article
        aria-labelledby={headingId}
        data-testid="ticket-message"
        data-kind={message.kind}
        className={cn("rounded-xl border px-4 py-3 shadow-xs", style.box, highlighted && "ring-2 ring-sky-300")}
      >
        <header className="mb-1.5 flex items-start gap-2.5">
          <span aria-hidden="true" className={cn("mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-full text-[11px] font-semibold text-white", style.avatar)}>
            {initials(author)}
          </span>
          <div className="min-w-0 flex-1">
            <h3 id={headingId} className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-semibold text-slate-900">{author}</span>
              <span className={cn("text-xs font-medium", message.kind === "note" ? "text-amber-800" : message.kind === "reply" ? "text-brand-700" : "text-slate-500")}>
                {message.kind === "note" ? t("privateNote") : message.kind === "reply" ? t("publicReply") : message.authorEmail ? t("fromFollower", { email: message.authorEmail }) : t("fromCustomer", { channel: tChannel(message.channel) })}
              </span>
            </h3>
            <time dateTime={message.createdAt.toISOString()} className="text-xs text-slate-500">
              {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: desk.timeZone })}
            </time>
          </div>
          {onSplit ? (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" size="sm" className="size-8 px-0 text-slate-500" aria-label={t("actions", { author })}>
                  <MoreIcon />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuItem onSelect={onSplit}>{t("split")}</DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          ) : null}
        </header>
        {message.mailOriginalId ? (
          <MailAsSent desk={desk.slug} originalId={message.mailOriginalId}>
            <MarkdownBody text={message.body} />
          </MailAsSent>
        ) : (
          <MarkdownBody text={message.body} className="pl-9.5" />
        )}
        <AttachmentList desk={desk.slug} files={message.attachments} />
        {message.mailOriginalId ? (
          <p className="mt-2 pl-9.5 text-xs">
            <a
              href={`/api/mail/original/${message.mailOriginalId}?desk=${encodeURIComponent(desk.slug)}&source=message`}
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium text-slate-600 underline hover:text-slate-900"
            >
              {t("viewOriginal")}
            </a>
          </p>
        ) : null}
        <MailFacts message={message} />
        {rating ? <ReplyRating rating={rating} /> : null}
      </article>
    </li>
  );
}
