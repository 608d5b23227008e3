"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { PriorityScoreDetail } from "./priority-reasons";
import { statuses, priorities, viewerCan, type TicketEvent } from "./shared";
import { ticketHref, useTicket } from "./ticket-context";

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** One change of the ticket as a compact line of the conversation. */
export function TimelineEntry({ event, highlighted, names }: { event: TicketEvent; highlighted: boolean; names: ReadonlyMap<string, string> }) {
  const t = useTranslations("ticket.timeline");
  const tStatus = useTranslations("ticket.status");
  const tPriority = useTranslations("ticket.priority");
  const tChannel = useTranslations("ticket.channel");
  const tHeld = useTranslations("ticket.banners.held");
  const tRules = useTranslations("priority.timeline");
  const tSla = useTranslations("sla");
  const format = useFormatter();
  const trpc = useTRPC();
  const { desk, viewer, data, refresh, announce } = useTicket();
  const unmerge = useMutation(trpc.tickets.unmerge.mutationOptions());
  const failure = useCallFailure(serverMessage);

  const d = event.data;
  const actor =
    event.actorName ??
    (event.actorMembershipId ? (names.get(event.actorMembershipId) ?? t("colleague")) : d.by === "customer" ? t("customer") : t("system"));
  const b = (chunks: ReactNode) => <strong className="font-medium text-slate-800">{chunks}</strong>;
  const ticketLink = (chunks: ReactNode) =>
    text(d.ticketId) ? (
      <Link href={ticketHref(desk.slug, d.ticketId as string)} className="font-medium text-brand-700 hover:underline">
        {chunks}
      </Link>
    ) : (
      <>{chunks}</>
    );
  const status = (value: unknown) => ((statuses as readonly unknown[]).includes(value) ? tStatus(value as (typeof statuses)[number]) : String(value ?? "—"));
  const priority = (value: unknown) => ((priorities as readonly unknown[]).includes(value) ? tPriority(value as (typeof priorities)[number]) : String(value ?? "—"));
  const person = (value: unknown) => {
    const id = text(value);
    return id ? (names.get(id) ?? t("colleague")) : null;
  };
  const number = typeof d.number === "number" ? d.number : "?";

  let line: ReactNode;
  let detail: ReactNode = null;
  let action: ReactNode = null;
  switch (event.type) {
    case "created": {
      const channel = text(d.channel);
      const via = channel && tChannel.has(channel) ? tChannel(channel as "panel") : channel;
      line = event.actorMembershipId ? t.rich("createdBy", { actor, b }) : t.rich("created", { channel: via ?? "—", b });
      const held = text(d.heldReason);
      if (held && tHeld.has(held)) detail = tHeld(held as "spam");
      break;
    }
    case "status":
      line = t.rich("status", { actor, from: status(d.from), to: status(d.to), b });
      break;
    case "priority":
      if (d.source === "escalation" && !event.actorMembershipId) line = tSla.rich("timeline.escalatedPriority", { from: priority(d.from), to: priority(d.to), b });
      else if (d.source === "auto" && !event.actorMembershipId) {
        line = tRules.rich("auto", { from: priority(d.from), to: priority(d.to), b });
        detail = <PriorityScoreDetail data={d} />;
      } else line = t.rich("priority", { actor, from: priority(d.from), to: priority(d.to), b });
      break;
    case "priority_automatic":
      line = tRules.rich("returned", { actor, b });
      detail = <PriorityScoreDetail data={d} />;
      break;
    case "assignee": {
      const to = person(d.to);
      const from = person(d.from);
      if (!to) line = from ? t.rich("unassignedFrom", { actor, from, b }) : t.rich("unassigned", { actor, b });
      else if (d.to === event.actorMembershipId) line = t.rich("tookIt", { actor, b });
      else line = t.rich("assigned", { actor, to, b });
      break;
    }
    case "department": {
      if (d.by === "sla") {
        line = tSla.rich("timeline.escalatedDepartment", { department: text(d.toName) ?? t("anotherDepartment"), b });
        break;
      }
      line = t.rich("forwarded", { actor, department: text(d.toName) ?? t("anotherDepartment"), b });
      const note = text(d.note)?.trim();
      if (note) detail = <q className="italic">{note.length > 160 ? `${note.slice(0, 160)}…` : note}</q>;
      break;
    }
    case "tags": {
      const before = strings(d.from);
      const after = strings(d.to);
      const added = after.filter((tag) => !before.includes(tag));
      const removed = before.filter((tag) => !after.includes(tag));
      const parts: ReactNode[] = [];
      if (added.length) parts.push(t.rich("tagsAdded", { actor, count: added.length, tags: added.join(", "), b }));
      if (removed.length) parts.push(added.length ? t.rich("tagsRemovedToo", { count: removed.length, tags: removed.join(", "), b }) : t.rich("tagsRemoved", { actor, count: removed.length, tags: removed.join(", "), b }));
      line = parts.length ? parts.map((part, i) => <span key={i}>{i > 0 ? "; " : null}{part}</span>) : t.rich("tagsChanged", { actor, b });
      break;
    }
    case "merged_into":
      line = t.rich("mergedInto", { actor, number, b, link: ticketLink });
      break;
    case "merged_from": {
      line = t.rich("mergedFrom", { actor, number, b, link: ticketLink });
      const sourceId = text(d.ticketId);
      const undone = data.events.some((e) => e.type === "unmerged" && e.data.ticketId === sourceId && e.id > event.id);
      if (sourceId && !undone && viewerCan(viewer, "ticket.manage", data.ticket.departmentId)) {
        const undo = () =>
          failure.run(async () => {
            await unmerge.mutateAsync({ desk: desk.slug, sourceId, targetId: data.ticket.id });
            await refresh();
            announce(t("unmergedNotice", { number }));
          });
        action = (
          <Button variant="link" size="sm" className="h-auto text-xs" loading={unmerge.isPending} onClick={() => void undo()}>
            {t("undoMerge")}
          </Button>
        );
      }
      break;
    }
    case "unmerged":
      line = t.rich("unmerged", { actor, number, b, link: ticketLink });
      break;
    case "split_to":
      line = t.rich("splitTo", { actor, number, b, link: ticketLink });
      break;
    case "split_from":
      line = t.rich("splitFrom", { actor, number, b, link: ticketLink });
      break;
    case "trashed":
      line = t.rich("trashed", { actor, b });
      break;
    case "restored":
      line = t.rich("restored", { actor, b });
      break;
    case "released":
      line = t.rich("released", { actor, b });
      break;
    case "sla_breach": {
      const kind = text(d.kind);
      line = tSla.rich("timeline.breach", { clock: kind && tSla.has(`clocks.kinds.${kind}`) ? tSla(`clocks.kinds.${kind}` as "clocks.kinds.resolution") : "SLA", b });
      break;
    }
    case "auto_reply":
      line = t.rich("autoReply", { from: text(d.from) ?? "—", b });
      break;
    case "mail_linked":
      line = t.rich("mailLinked", { number, b, link: ticketLink });
      break;
    case "followers_added":
      line = d.by === "agent" ? t.rich("followersAddedBy", { actor, emails: strings(d.emails).join(", "), b }) : t.rich("followersAdded", { emails: strings(d.emails).join(", "), b });
      break;
    case "follower_removed":
      line = t.rich("followerRemoved", { actor, email: text(d.email) ?? "—", b });
      break;
    default:
      line = t.rich("other", { actor, type: event.type, b });
  }

  return (
    <li
      className={cn(
        "flex items-start gap-3 rounded-md px-2 py-1 text-[13px] leading-5 text-slate-600",
        highlighted && "bg-sky-50 ring-1 ring-sky-200",
      )}
      data-testid="timeline-event"
    >
      <span aria-hidden="true" className="mt-2 size-1.5 shrink-0 rounded-full bg-slate-300" />
      <div className="min-w-0 flex-1">
        <p className="break-words">
          {line}
          {action ? <> · {action}</> : null}
        </p>
        {detail ? <p className="break-words text-slate-500">{detail}</p> : null}
        {failure.message ? (
          <p role="alert" className="text-red-700">
            {failure.message}
          </p>
        ) : null}
      </div>
      <time dateTime={event.createdAt.toISOString()} className="shrink-0 text-xs whitespace-nowrap text-slate-400">
        {format.dateTime(event.createdAt, { dateStyle: "short", timeStyle: "short", timeZone: desk.timeZone })}
      </time>
    </li>
  );
}
