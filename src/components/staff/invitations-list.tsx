"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { strokeIcon } from "@/components/ui/icon";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { InvitationLink } from "./invitation-link";
import { StaffSection, TableSkeleton } from "./section";
import { hiddenInTable, type InvitationRow } from "./shared";
import { useLocalFormat } from "./use-local-format";
import { DismissibleNotice, useNotice } from "@/components/ui/notices";

const InvitationIcon = strokeIcon("0 0 24 24", "", <><rect x="3" y="5" width="18" height="14" rx="2" /><path d="m3.5 6.5 8.5 6.5 8.5-6.5" /></>);

const stateBadges: Record<InvitationRow["state"], BadgeVariant> = {
  open: "info",
  expired: "warning",
  revoked: "neutral",
  accepted: "success",
};
const stateOrder: Record<InvitationRow["state"], number> = { open: 0, expired: 1, revoked: 2, accepted: 3 };

/** Invitations not yet accepted: resend them (a new link) or revoke them. */
export function InvitationsList({ desk }: { desk: string }) {
  const t = useTranslations("staff.invitations");
  const tRole = useTranslations("panel.userMenu.role");
  const tCommon = useTranslations("common");
  const format = useLocalFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.staff.invitations.queryOptions({ desk }));
  const resend = useMutation(trpc.staff.resendInvitation.mutationOptions());
  const revoke = useMutation(trpc.staff.revokeInvitation.mutationOptions());
  const [showRevoked, setShowRevoked] = useState(false);
  const notices = useNotice();
  const [resent, setResent] = useState<{ id: string; email: string; link: string } | null>(null);
  const [resending, setResending] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.invitations.queryKey() });

  async function resendOne(invitation: InvitationRow) {
    notices.clear();
    setResending(invitation.id);
    try {
      const { link } = await resend.mutateAsync({ desk, invitationId: invitation.id });
      await refresh();
      setResent({ id: invitation.id, email: invitation.email, link });
    } catch (error) {
      notices.fail(error);
    } finally {
      setResending(null);
    }
  }

  const revocation = useConfirmation(async (invitation: InvitationRow) => {
    await revoke.mutateAsync({ desk, invitationId: invitation.id });
    await refresh();
    notices.show({ variant: "success", text: t("revokedNotice", { email: invitation.email }) });
  });

  const rows = [...(invitations.data ?? [])].sort((a, b) => stateOrder[a.state] - stateOrder[b.state]);
  const revokedCount = rows.filter((r) => r.state === "revoked").length;
  const waiting = rows.filter((r) => r.state !== "revoked");
  const shown = showRevoked ? rows : waiting;
  const resentRow = resent ? invitations.data?.find((r) => r.id === resent.id) : undefined;

  return (
    <StaffSection
      title={t("title")}
      meta={invitations.data && waiting.length > 0 ? t("count", { count: waiting.length }) : null}
      description={t("description")}
      actions={
        revokedCount > 0 ? (
          <Button type="button" variant="ghost" size="sm" aria-pressed={showRevoked} onClick={() => setShowRevoked((v) => !v)}>
            {showRevoked ? t("hideRevoked") : t("showRevoked", { count: revokedCount })}
          </Button>
        ) : null
      }
    >
      <DismissibleNotice notice={notices.notice} onClose={notices.clear} />
      <QueryState
        query={invitations}
        loading={<TableSkeleton rows={2} label={tCommon("loading")} />}
        errorMessage={t("error")}
        isEmpty={() => shown.length === 0}
        empty={
          <EmptyState
            className="py-8"
            icon={<InvitationIcon />}
            title={t("empty")}
            description={t("emptyHint")}
          />
        }
      >
        {() => (
          <Table aria-label={t("label")}>
            <TableHeader columns={[t("email"), t("name"), t("role"), t("expires"), t("state"), <span key="actions" className={hiddenInTable}>{t("actions")}</span>]} />
            <TableBody>
              {shown.map((invitation) => {
                const closed = invitation.state === "revoked" || invitation.state === "accepted";
                return (
                  <tr key={invitation.id} className={cn(closed && "text-slate-400")}>
                    <Cell className={cn("font-medium text-slate-900", closed && "text-slate-500")}>{invitation.email}</Cell>
                    <Cell>{invitation.name}</Cell>
                    <Cell>{tRole(invitation.role)}</Cell>
                    <Cell className="whitespace-nowrap">
                      {closed ? "—" : format.dateTime(invitation.expiresAt, { dateStyle: "medium", timeStyle: "short" })}
                    </Cell>
                    <Cell>
                      <Badge variant={stateBadges[invitation.state]} dot>
                        {t(`states.${invitation.state}`)}
                      </Badge>
                    </Cell>
                    <Cell className="text-right">
                      {closed ? null : (
                        <div className="flex justify-end gap-1">
                          <Button
                            type="button"
                            variant="ghost"
                            size="sm"
                            loading={resending === invitation.id}
                            aria-label={t("resendTo", { email: invitation.email })}
                            onClick={() => void resendOne(invitation)}
                          >
                            {t("resend")}
                          </Button>
                          <Button
                            type="button"
                            variant="dangerGhost"
                            size="sm"
                            aria-label={t("revokeFor", { email: invitation.email })}
                            onClick={() => revocation.ask(invitation)}
                          >
                            {t("revoke")}
                          </Button>
                        </div>
                      )}
                    </Cell>
                  </tr>
                );
              })}
            </TableBody>
          </Table>
        )}
      </QueryState>
      <Dialog open={resent !== null} onOpenChange={(open) => (open ? undefined : setResent(null))}>
        <DialogContent size="lg">
          <DialogHeader>
            <DialogTitle>{t("resentTitle")}</DialogTitle>
            <DialogDescription>{t("resentDescription", { email: resent?.email ?? "" })}</DialogDescription>
          </DialogHeader>
          {resent ? <InvitationLink link={resent.link} email={resent.email} expiresAt={resentRow?.expiresAt ?? null} /> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button">{t("done")}</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <ConfirmDialog {...revocation.dialog} variant="danger" title={t("revokeDialog.title", { email: revocation.target?.email ?? "" })} description={t("revokeDialog.description")} confirmLabel={t("revokeDialog.confirm")} />
    </StaffSection>
  );
}
