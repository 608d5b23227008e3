import { EventEmitter, on } from "node:events";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import type { TenantDb } from "../db/types";
import type { OpenDatabase } from "../db/client";
import { log } from "../log";
import { liveStreamOpened } from "./metrics";

const CHANNEL = "deskhand_tickets";

export const ticketChange = z.object({
  tenantId: z.uuid(),
  ticketId: z.uuid(),
  departmentId: z.uuid(),
  kind: z.enum(["created", "updated", "message", "presence"]),
  membershipId: z.uuid().nullish(),
  typing: z.boolean().optional(),
  name: textInput().max(120).optional(),
});
export type TicketChange = z.infer<typeof ticketChange>;

/**
 * Announces a change inside the changing transaction: Postgres delivers NOTIFY at commit, to every
 * instance listening, so subscribers never hear of a change that rolled back.
 */
export async function announce(tx: TenantDb, change: TicketChange): Promise<void> {
  await notify(tx, CHANNEL, change);
}

/** NOTIFY on `channel` inside the transaction: delivered at commit, never for a rollback. */
export async function notify(tx: TenantDb, channel: string, payload: unknown): Promise<void> {
  await tx.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}

export type Listen = OpenDatabase["listen"];

/**
 * One LISTEN per database connection pool and channel, fanned out to this process's subscribers
 * by desk (the emitter's event name is the tenant id). Payloads are validated with `schema`; a
 * malformed one is logged and dropped.
 */
export function channelBus<T extends { tenantId: string }>(channel: string, schema: z.ZodType<T>) {
  const buses = new WeakMap<Listen, Promise<EventEmitter>>();
  return (listen: Listen): Promise<EventEmitter> => {
    let bus = buses.get(listen);
    if (!bus) {
      bus = (async () => {
        const emitter = new EventEmitter();
        emitter.setMaxListeners(0);
        await listen(channel, (payload) => {
          try {
            const change = schema.parse(JSON.parse(payload));
            emitter.emit(change.tenantId, change);
          } catch (error) {
            log.warn({ err: error, channel }, "Ignored a malformed notification");
          }
        });
        return emitter;
      })();
      buses.set(listen, bus);
    }
    return bus;
  };
}

/** Ticket changes of every desk, for the inbox's and the ticket page's live updates. */
export const ticketBus = channelBus(CHANNEL, ticketChange);

/**
 * A desk's notifications from `bus` as a live stream yields them, until `signal` aborts (the client
 * left, or the member lost the desk): then the iteration simply ends. Counted in the live-streams
 * gauge while open.
 */
export async function* deskEvents<T>(bus: EventEmitter, tenantId: string, signal: AbortSignal): AsyncGenerator<T> {
  const closed = liveStreamOpened();
  try {
    for await (const [change] of on(bus, tenantId, { signal }) as AsyncIterable<[T]>) yield change;
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    closed();
  }
}
