"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { MoreIcon } from "@/components/ui/icon";
import { QueryState } from "@/components/ui/query-state";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { StaffAvatar } from "./avatar";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { LastSeen } from "./last-seen";
import { StaffSection, TableSkeleton } from "./section";
import { hiddenInTable, type StaffRow, type Viewer } from "./shared";
import { DismissibleNotice, useNotice } from "@/components/ui/notices";
import { KbEditorToggle } from "@/components/kb/kb-editor-toggle";

/** Everyone on the desk with their role, status and last visit, and what may be changed about them. */
export function MembersTable({ desk, viewer }: { desk: string; viewer: Viewer }) {
  const t = useTranslations("staff.members");
  const tRole = useTranslations("panel.userMenu.role");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.staff.list.queryOptions({ desk }));
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const setActive = useMutation(trpc.staff.setActive.mutationOptions());
  const transfer = useMutation(trpc.staff.transferOwnership.mutationOptions());
  const notices = useNotice();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.staff.activity.queryKey() }),
    ]);

  async function run(action: () => Promise<unknown>, success: string) {
    notices.clear();
    try {
      await action();
      await refresh();
      notices.show({ variant: "success", text: success });
      return true;
    } catch (error) {
      notices.fail(error);
      return false;
    }
  }

  async function changeRole(person: StaffRow, role: "admin" | "agent") {
    await run(() => setRole.mutateAsync({ desk, membershipId: person.membershipId, role }), t("roleChanged", { name: person.name, role }));
  }

  async function reactivate(person: StaffRow) {
    await run(() => setActive.mutateAsync({ desk, membershipId: person.membershipId, active: true }), t("reactivated", { name: person.name }));
  }

  const deactivation = useConfirmation(async (person: StaffRow) => {
    await setActive.mutateAsync({ desk, membershipId: person.membershipId, active: false });
    await refresh();
    notices.show({ variant: "success", text: t("deactivated", { name: person.name }) });
  });
  const ownership = useConfirmation(async (person: StaffRow) => {
    await transfer.mutateAsync({ desk, membershipId: person.membershipId });
    await refresh();
    notices.show({ variant: "success", text: t("ownerTransferred", { name: person.name }) });
    // The viewer's own role changed: the navigation and this page's options follow it.
    router.refresh();
  });

  const people = staff.data ?? [];
  const activeCount = people.filter((p) => p.active).length;

  return (
    <StaffSection
      title={t("title")}
      meta={staff.data ? t("count", { total: people.length, active: activeCount }) : null}
      description={t("description")}
    >
      <DismissibleNotice notice={notices.notice} onClose={notices.clear} />
      <QueryState
        query={staff}
        loading={<TableSkeleton rows={3} label={tCommon("loading")} />}
        errorMessage={t("error")}
        isEmpty={() => people.length === 0}
        empty={<EmptyState title={t("empty")} />}
      >
        {() => (
          <Table aria-label={t("label")}>
            <TableHeader
              columns={[t("name"), t("email"), t("role"), t("status"), t("lastSeen"), <span key="actions" className={hiddenInTable}>{t("actions")}</span>]}
            />
            <TableBody>
              {people.map((person) => {
                const isMe = person.userId === viewer.userId;
                const canChangeRole = person.role !== "owner" && !isMe;
                const canToggle = !isMe && !(person.role === "owner" && viewer.role !== "owner");
                const canMakeOwner = viewer.role === "owner" && person.role !== "owner" && person.active && !isMe;
                const hasActions = canChangeRole || canToggle || canMakeOwner;
                return (
                  <tr key={person.membershipId} className={cn(!person.active && "bg-slate-50/60")}>
                    <Cell>
                      <div className="flex items-center gap-3">
                        <StaffAvatar name={person.name} color={person.avatarColor} muted={!person.active} />
                        <span className={cn("font-medium whitespace-nowrap text-slate-900", !person.active && "text-slate-500")}>{person.name}</span>
                        {isMe ? <Badge variant="brand">{t("you")}</Badge> : null}
                      </div>
                    </Cell>
                    <Cell className="max-w-64 truncate">{person.email}</Cell>
                    <Cell className="text-slate-900">
                      {tRole(person.role)}
                      {person.role === "agent" ? <KbEditorToggle desk={desk} person={person} onChanged={(text) => notices.show({ variant: "success", text })} onFailed={(error) => notices.fail(error)} /> : null}
                    </Cell>
                    <Cell>
                      <Badge variant={person.active ? "success" : "neutral"} dot>
                        {person.active ? t("active") : t("inactive")}
                      </Badge>
                    </Cell>
                    <Cell>
                      <LastSeen at={person.lastSeenAt} />
                    </Cell>
                    <Cell className="w-12 text-right">
                      {hasActions ? (
                        <DropdownMenu>
                          <DropdownMenuTrigger asChild>
                            <Button type="button" variant="ghost" size="sm" aria-label={t("actionsFor", { name: person.name })} className="px-2">
                              <MoreIcon />
                            </Button>
                          </DropdownMenuTrigger>
                          <DropdownMenuContent align="end" className="w-56">
                            <DropdownMenuLabel className="truncate">{person.name}</DropdownMenuLabel>
                            {canChangeRole ? (
                              <DropdownMenuItem onSelect={() => void changeRole(person, person.role === "admin" ? "agent" : "admin")}>
                                {person.role === "admin" ? t("makeAgent") : t("makeAdmin")}
                              </DropdownMenuItem>
                            ) : null}
                            {canMakeOwner ? (
                              <DropdownMenuItem
                                onSelect={() => ownership.ask(person)}
                              >
                                {t("makeOwner")}
                              </DropdownMenuItem>
                            ) : null}
                            {canToggle ? (
                              <>
                                {canChangeRole || canMakeOwner ? <DropdownMenuSeparator /> : null}
                                {person.active ? (
                                  <DropdownMenuItem
                                    variant="danger"
                                    onSelect={() => deactivation.ask(person)}
                                  >
                                    {t("deactivate")}
                                  </DropdownMenuItem>
                                ) : (
                                  <DropdownMenuItem onSelect={() => void reactivate(person)}>{t("reactivate")}</DropdownMenuItem>
                                )}
                              </>
                            ) : null}
                          </DropdownMenuContent>
                        </DropdownMenu>
                      ) : null}
                    </Cell>
                  </tr>
                );
              })}
            </TableBody>
          </Table>
        )}
      </QueryState>
      <ConfirmDialog
        {...deactivation.dialog}
        variant="danger"
        title={t("deactivateDialog.title", { name: deactivation.target?.name ?? "" })}
        description={t("deactivateDialog.description")}
        confirmLabel={t("deactivateDialog.confirm")}
      />
      <ConfirmDialog
        {...ownership.dialog}
        title={t("ownerDialog.title", { name: ownership.target?.name ?? "" })}
        description={t("ownerDialog.description", { name: ownership.target?.name ?? "" })}
        confirmLabel={t("ownerDialog.confirm")}
      />
    </StaffSection>
  );
}
