import { Mailbox } from "@/components/internal-mail/mailbox";
import { loadDesk } from "../../_data/desk";

type Search = Record<string, string | string[] | undefined>;

/** Internal mail: `?thread=<id>` opens a conversation, `?ticket=1042` starts one about that ticket. */
export default async function InternalMailPage({ params, searchParams }: { params: Promise<{ desk: string }>; searchParams: Promise<Search> }) {
  const { desk } = await params;
  const query = await searchParams;
  const { desk: current } = await loadDesk(desk, `/d/${desk}/mail`);
  const thread = typeof query.thread === "string" && /^[0-9a-f-]{36}$/i.test(query.thread) ? query.thread : null;
  const ticket = typeof query.ticket === "string" && /^\d{1,9}$/.test(query.ticket) ? query.ticket : null;
  return <Mailbox desk={desk} timeZone={current.timeZone} initialThreadId={thread} composeTicket={ticket} />;
}
