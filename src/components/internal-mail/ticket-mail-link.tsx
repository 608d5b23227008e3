"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/trpc/react";

/** On a ticket page: "Message a colleague about this ticket" (when the desk has internal mail). */
export function TicketMailLink({ desk, ticketNumber }: { desk: string; ticketNumber: number }) {
  const t = useTranslations("internalMail");
  const trpc = useTRPC();
  const state = useQuery(trpc.internalMail.state.queryOptions({ desk }));
  if (!state.data?.enabled) return null;
  return (
    <div className="border-b border-slate-100 px-4 py-3 last:border-b-0">
      <Link href={`/d/${desk}/mail?ticket=${ticketNumber}`} className="inline-flex items-center gap-2 text-sm font-medium text-brand-700 hover:underline">
        <svg viewBox="0 0 16 16" fill="none" aria-hidden="true" className="size-4">
          <path d="M2.5 4.5h11v7h-11z" stroke="currentColor" strokeWidth="1.25" strokeLinejoin="round" />
          <path d="m2.5 4.5 5.5 4 5.5-4" stroke="currentColor" strokeWidth="1.25" strokeLinejoin="round" />
        </svg>
        {t("ticketLink")}
      </Link>
    </div>
  );
}
