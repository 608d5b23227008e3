import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PortalConversation } from "@/components/portal/conversation";
import { portalTranslator } from "@/components/portal/i18n";
import { ArrowLeftIcon } from "@/components/portal/icons";
import { InvalidLink } from "@/components/portal/invalid-link";
import { PortalFrame } from "@/components/portal/portal-frame";
import { ReplyBox } from "@/components/portal/reply-box";
import { loadPortalPage } from "./_data/portal-page";
import { TicketHeader } from "@/components/portal/ticket-header";
import { TicketList } from "@/components/portal/ticket-list";
import { env } from "@/env";
import { MAX_VISITOR_FILES } from "@/server/public/limits";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ ticket?: string | string[]; rate?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function read({ params, searchParams }: Props) {
  const [{ token }, search] = await Promise.all([params, searchParams]);
  const ticket = first(search.ticket);
  const number = ticket && /^\d{1,10}$/.test(ticket) && Number(ticket) >= 1 && Number(ticket) <= 2_000_000_000 ? Number(ticket) : null;
  const rate = first(search.rate);
  return { token, page: await loadPortalPage(token, number), rateMessageId: rate && /^[0-9a-f-]{36}$/i.test(rate) ? rate.toLowerCase() : null };
}

// The address is the customer's key: keep it out of search engines and other sites' referrer logs.
const privatePage = { robots: { index: false, follow: false }, referrer: "no-referrer" } satisfies Metadata;

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page } = await read(props);
  if (page.state === "invalid") return { ...privatePage, title: (await getTranslations("portal.invalid"))("metaTitle") };
  const t = await portalTranslator(page.view.desk.locale);
  const desk = page.view.desk.displayName;
  const title = page.view.ticket ? t("meta.ticketTitle", { number: page.view.ticket.number, desk }) : t("meta.listTitle", { desk });
  return { ...privatePage, title: { absolute: title } };
}

/** The customer's private page: one ticket with its conversation, or (a "check my ticket" link) their list. */
export default async function CustomerTicketPage(props: Props) {
  const { token, page, rateMessageId } = await read(props);
  if (page.state === "invalid") return <InvalidLink />;
  const { view, listLink } = page;
  const t = await portalTranslator(view.desk.locale);
  const ticket = view.ticket;
  const number = listLink && ticket ? ticket.number : null;
  return (
    <PortalFrame desk={view.desk} color={page.color} helpCenter={page.helpCenter}>
      {!ticket ? (
        <TicketList token={token} view={view} tickets={view.tickets ?? []} missingNumber={page.missingNumber} helpCenter={page.helpCenter} t={t} />
      ) : (
        <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6 sm:py-10">
          {listLink ? (
            <Link href={`/t/${token}`} className="inline-flex items-center gap-1.5 self-start rounded-sm text-sm font-medium text-slate-600 hover:text-slate-900">
              <ArrowLeftIcon />
              {t("ticket.allRequests")}
            </Link>
          ) : null}
          <TicketHeader token={token} number={number} ticket={ticket} t={t} />
          <PortalConversation token={token} number={number} deskName={view.desk.displayName} messages={ticket.messages} rateMessageId={rateMessageId} t={t} />
          <ReplyBox
            token={token}
            number={number}
            reopens={ticket.status === "solved" || ticket.status === "closed"}
            maxFiles={MAX_VISITOR_FILES}
            maxFileMb={env.MAX_UPLOAD_MB}
          />
        </div>
      )}
    </PortalFrame>
  );
}
