"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { callError, useErrorText } from "@/components/forms/errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useTRPC } from "@/trpc/react";

type Session = { id: string; method: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** "Firefox on Windows" from a user agent: enough to recognise one's own devices. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent) ? "Edge" : /OPR\//.test(userAgent) ? "Opera" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrom(e|ium)\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : null;
  const system = /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Linux/.test(userAgent) ? "Linux" : null;
  if (browser && system) return `${browser}, ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}

/** Profile → Security: where the person is signed in, and ending those sessions. */
export function SessionsSection({ sessions, onChanged }: { sessions: Session[]; onChanged: () => void }) {
  const t = useTranslations("auth.security.sessions");
  const format = useFormatter();
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [ended, setEnded] = useState<number | null>(null);
  const end = useMutation(trpc.account.revokeSession.mutationOptions({ onSuccess: onChanged }));
  const endOthers = useMutation(trpc.account.revokeOtherSessions.mutationOptions({ onSuccess: (r) => { setEnded(r.ended); onChanged(); } }));
  const failure = end.error ?? endOthers.error;
  const others = sessions.filter((s) => !s.current).length;

  return (
    <section aria-labelledby="security-sessions" className="rounded-xl border border-slate-200 bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="security-sessions" className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <Button type="button" variant="secondary" size="sm" disabled={others === 0} loading={endOthers.isPending} onClick={() => endOthers.mutate()}>
          {t("endAll")}
        </Button>
      </div>
      <p className="mb-4 text-sm text-slate-600">{t("description")}</p>
      {failure ? <Alert variant="error" className="mb-3">{errorText(callError(failure))}</Alert> : null}
      <p aria-live="polite" className="mb-2 text-sm text-emerald-700">{ended !== null ? t("ended", { count: ended }) : ""}</p>
      <ul aria-label={t("title")} className="divide-y divide-slate-100">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className="flex items-center gap-2 font-medium text-slate-900">
                {describeDevice(session.userAgent) ?? t("unknownDevice")}
                {session.current ? <Badge variant="success">{t("thisDevice")}</Badge> : null}
              </p>
              <p className="text-sm text-slate-600">
                {t("address")}: {session.ip ?? t("unknownAddress")} · {t("lastActive")}: {format.relativeTime(session.lastSeenAt)} · {t.has(`method.${session.method}`) ? t(`method.${session.method}`) : session.method}
              </p>
            </div>
            {session.current ? null : (
              <Button type="button" variant="dangerGhost" size="sm" loading={end.isPending && end.variables?.sessionId === session.id} onClick={() => end.mutate({ sessionId: session.id })}>
                {t("end")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
    </section>
  );
}
