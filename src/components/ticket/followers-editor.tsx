"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { serverMessage } from "@/components/forms/errors";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { CloseIcon } from "@/components/ui/icon";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/trpc/react";
import { useTicket } from "./ticket-context";

/**
 * The ticket's followers — people besides the requester who get the public replies in Cc and whose
 * replies join the ticket: those in Cc of the customer's mail, and whom an agent adds here.
 */
export function FollowersEditor({ disabled }: { disabled: boolean }) {
  const t = useTranslations("ticket.followers");
  const ids = useId();
  const trpc = useTRPC();
  const { desk, data, refresh, announce } = useTicket();
  const add = useMutation(trpc.tickets.addFollower.mutationOptions());
  const remove = useMutation(trpc.tickets.removeFollower.mutationOptions());
  const failure = useCallFailure(serverMessage);
  const [draft, setDraft] = useState("");
  const pending = add.isPending || remove.isPending;

  const submit = () =>
    failure.run(async () => {
      const email = draft.trim();
      if (!email) return;
      await add.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, email });
      setDraft("");
      await refresh();
      announce(t("added", { email }));
    });
  const drop = (email: string) =>
    failure.run(async () => {
      await remove.mutateAsync({ desk: desk.slug, ticketId: data.ticket.id, email });
      await refresh();
      announce(t("removed", { email }));
    });

  return (
    <div className="flex flex-col gap-2">
      {data.followers.length ? (
        <ul aria-label={t("label")} className="flex flex-col gap-1">
          {data.followers.map((follower) => (
            <li key={follower.email} className="flex items-center justify-between gap-2 text-sm text-slate-700">
              <span className="min-w-0 break-all" title={t(follower.addedBy === "mail" ? "fromMail" : "byAgent")}>
                {follower.name ? `${follower.name} · ` : ""}
                {follower.email}
              </span>
              {!disabled ? (
                <button
                  type="button"
                  aria-label={t("remove", { email: follower.email })}
                  disabled={pending}
                  onClick={() => void drop(follower.email)}
                  className="inline-flex size-5 shrink-0 cursor-pointer items-center justify-center rounded text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                >
                  <CloseIcon className="size-3" strokeWidth={1.75} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">{t("none")}</p>
      )}
      {!disabled ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={`${ids}-follower`} className="sr-only">
            {t("add")}
          </label>
          <Input
            id={`${ids}-follower`}
            type="email"
            value={draft}
            placeholder={t("placeholder")}
            autoComplete="off"
            maxLength={254}
            disabled={pending}
            aria-invalid={failure.message ? true : undefined}
            aria-describedby={failure.message ? `${ids}-error` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              failure.set(null);
            }}
            className="h-8 px-2.5"
          />
          {failure.message ? (
            <p id={`${ids}-error`} role="alert" className="mt-1 text-xs text-red-700">
              {failure.message}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
