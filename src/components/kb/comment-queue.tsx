"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useCallFailure } from "@/components/forms/use-call-failure";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DismissibleNotice } from "@/components/ui/notices";
import { ListSkeleton, QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { SegmentedTabs } from "@/components/ui/segmented-tabs";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { commentStatuses, type CommentStatus, type KbComment } from "./shared";

const replyMax = 5000;
const queueLimit = 200;

/** Visitors' comments on articles: nothing is public until approved here; a reply goes out with the approval. */
export function CommentQueue({ desk, timeZone }: { desk: string; timeZone: string }) {
  const t = useTranslations("kb.comments");
  const ids = useId();
  const trpc = useTRPC();
  const [status, setStatus] = useState<CommentStatus>("pending");
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(trpc.kb.comments.queryOptions({ desk, status }));
  const panel = useRef<HTMLDivElement>(null);



  /** After a decision the comment leaves this tab: the focus goes to the next one (or the list). */
  const focusAfter = (comments: KbComment[], decided: KbComment) => {
    const index = comments.findIndex((c) => c.id === decided.id);
    const next = comments[index + 1] ?? comments[index - 1];
    requestAnimationFrame(() => {
      const target = next ? document.getElementById(`${ids}-comment-${next.id}`) : panel.current;
      target?.focus();
    });
  };

  const content = (
    <QueryState
      query={list}
      loading={
        <ListSkeleton
          rows={3}
          label={t("loading")}
          className="flex flex-col gap-3"
          row={() => (
            <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4">
              <Skeleton className="h-4 w-1/3" />
              <Skeleton className="h-3 w-1/4" />
              <Skeleton className="h-12 w-full" />
            </div>
          )}
        />
      }
      errorMessage={t("loadFailed")}
      isEmpty={(comments) => comments.length === 0}
      empty={<EmptyState title={t(`empty.${status}.title`)} description={t(`empty.${status}.description`)} />}
    >
      {(comments) => (
        <div className="flex flex-col gap-3">
          <ul className="flex flex-col gap-3" aria-label={t(`listLabel.${status}`)}>
            {comments.map((comment) => (
              <li key={comment.id}>
                <CommentCard
                  desk={desk}
                  domId={`${ids}-comment-${comment.id}`}
                  comment={comment}
                  timeZone={timeZone}
                  onDecided={(text) => {
                    setNotice(text);
                    focusAfter(comments, comment);
                  }}
                />
              </li>
            ))}
          </ul>
          {comments.length >= queueLimit ? <p className="text-sm text-slate-500">{t(status === "pending" ? "limitPending" : "limitDecided", { count: queueLimit })}</p> : null}
        </div>
      )}
    </QueryState>
  );

  return (
    <div className="flex max-w-4xl flex-col gap-4">
      <SegmentedTabs
        idPrefix={ids}
        label={t("tabsLabel")}
        values={commentStatuses}
        value={status}
        onChange={setStatus}
        labelOf={(value) => t(`tabs.${value}`)}
        className="flex gap-1 self-start rounded-lg bg-slate-100 p-0.5"
        tabClassName="px-3"
      />
      <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />
      <div ref={panel} id={`${ids}-panel`} role="tabpanel" aria-labelledby={`${ids}-tab-${status}`} tabIndex={-1} className="rounded-xl">
        <p className="mb-3 text-sm text-slate-600">{t(`explain.${status}`)}</p>
        {content}
      </div>
    </div>
  );
}

function CommentCard({
  desk,
  domId,
  comment,
  timeZone,
  onDecided,
}: {
  desk: string;
  domId: string;
  comment: KbComment;
  timeZone: string;
  onDecided: (notice: string) => void;
}) {
  const t = useTranslations("kb.comments");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = useId();
  const moderate = useMutation(trpc.kb.moderate.mutationOptions());
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState(comment.reply ?? "");
  const failure = useCallFailure();
  const [acting, setActing] = useState<"approved" | "rejected" | null>(null);
  const replyBox = useRef<HTMLTextAreaElement>(null);
  const author = comment.authorName || t("anonymous");

  async function decide(status: "approved" | "rejected") {
    if (status === "approved" && replying && reply.trim().length > replyMax) {
      failure.set({ key: "kb.commentTooLong" });
      return;
    }
    setActing(status);
    const decided = await failure.run(async () => {
      // The reply is sent only from the open box (an emptied box removes an earlier reply).
      await moderate.mutateAsync({ desk, id: comment.id, status, ...(status === "approved" && replying ? { reply: reply.trim() } : {}) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.kb.comments.queryKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.kb.articles.queryKey() }),
      ]);
      const withReply = status === "approved" && replying && reply.trim() !== "";
      onDecided(status === "approved" ? (withReply ? t("approvedWithReply", { author }) : t("approvedNotice", { author })) : t("rejectedNotice", { author }));
    });
    if (!decided) setActing(null);
  }

  const created = format.dateTime(comment.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone });
  const pending = comment.status === "pending";
  return (
    <article
      id={domId}
      tabIndex={-1}
      aria-labelledby={`${ids}-heading`}
      className={cn("flex flex-col gap-3 rounded-xl border bg-white p-4 focus:ring-2 focus:ring-brand-500/40", comment.flag ? "border-amber-300" : "border-slate-200")}
      data-testid="kb-comment"
    >
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={`${ids}-heading`} className="text-sm font-semibold text-slate-900">
            {author}
          </h3>
          {comment.authorEmail ? (
            <a href={`mailto:${comment.authorEmail}`} className="text-sm break-all text-slate-600 hover:text-brand-700 hover:underline">
              {comment.authorEmail}
            </a>
          ) : (
            <span className="text-sm text-slate-400">{t("noEmail")}</span>
          )}
          {comment.flag === "stop_list" ? <Badge variant="warning">{t("flags.stop_list")}</Badge> : null}
          {comment.flag === "spam" ? <Badge variant="danger">{t("flags.spam")}</Badge> : null}
        </div>
        <p className="text-xs text-slate-500">
          {t.rich("onArticle", {
            article: () => (
              <Link href={`/d/${desk}/kb/${comment.articleId}`} className="font-medium text-brand-700 hover:underline">
                {comment.articleTitle}
              </Link>
            ),
          })}
          {" · "}
          <time dateTime={comment.createdAt.toISOString()} title={created}>
            {format.relativeTime(comment.createdAt > now ? now : comment.createdAt, now)}
          </time>
          {comment.moderatedAt && !pending ? (
            <>
              {" · "}
              {t(comment.status === "approved" ? "approvedAt" : "rejectedAt", { when: format.dateTime(comment.moderatedAt, { dateStyle: "medium", timeZone }) })}
            </>
          ) : null}
        </p>
      </header>
      {/* Visitors' text is shown as typed: React escapes it, whitespace is kept. */}
      <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-slate-800">{comment.body}</p>
      {comment.reply && !replying ? (
        <div className="rounded-lg border-l-2 border-brand-500 bg-brand-50/60 px-3 py-2">
          <p className="text-xs font-medium text-slate-600">{t("ourReply")}</p>
          <p className="text-sm break-words whitespace-pre-wrap text-slate-800">{comment.reply}</p>
        </div>
      ) : null}
      {replying ? (
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${ids}-reply`} className="text-sm font-medium text-slate-800">
            {t("replyLabel")}
          </label>
          <Textarea
            ref={replyBox}
            id={`${ids}-reply`}
            rows={3}
            value={reply}
            maxLength={replyMax}
            aria-describedby={`${ids}-reply-hint`}
            onChange={(e) => setReply(e.target.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
                e.preventDefault();
                void decide("approved");
              }
            }}
          />
          <p id={`${ids}-reply-hint`} className="text-xs text-slate-500">
            {t("replyHint")}
          </p>
        </div>
      ) : null}
      {failure.message ? <Alert variant="error">{failure.message}</Alert> : null}
      <div className="flex flex-wrap items-center gap-2">
        {comment.status !== "approved" || replying ? (
          <Button type="button" size="sm" loading={acting === "approved"} disabled={acting !== null} onClick={() => void decide("approved")} aria-describedby={`${ids}-heading`}>
            {replying && reply.trim() ? t("approveWithReply") : t("approve")}
          </Button>
        ) : null}
        {comment.status !== "rejected" ? (
          <Button
            type="button"
            size="sm"
            variant="secondary"
            loading={acting === "rejected"}
            disabled={acting !== null}
            onClick={() => void decide("rejected")}
            aria-describedby={`${ids}-heading`}
          >
            {t("reject")}
          </Button>
        ) : null}
        {comment.status !== "rejected" ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            aria-expanded={replying}
            aria-controls={replying ? `${ids}-reply` : undefined}
            disabled={acting !== null}
            onClick={() => {
              const open = !replying;
              setReplying(open);
              if (!open) setReply(comment.reply ?? "");
              if (open) requestAnimationFrame(() => replyBox.current?.focus());
            }}
          >
            {replying ? t("cancelReply") : comment.reply ? t("editReply") : t("reply")}
          </Button>
        ) : null}
      </div>
    </article>
  );
}
