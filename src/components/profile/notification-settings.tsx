"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox";
import { QueryState } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/trpc/react";

/** Profile → Notifications: which staff mails this person gets on this desk. Saved on each change. */
export function NotificationSettings({ desk }: { desk: string }) {
  const t = useTranslations("panel.profile.notifications");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = trpc.account.notifications.queryOptions({ desk });
  const current = useQuery(options);
  const save = useMutation(
    trpc.account.setNotifications.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(options.queryKey, data),
    }),
  );
  return (
    <QueryState query={current} loading={<Skeleton className="h-16 w-full" />} errorMessage={t("loadFailed")}>
      {(value) => (
        <div className="grid gap-4">
          <CheckboxField
            label={t("newTickets")}
            description={t("newTicketsHint")}
            checked={value.newTickets}
            disabled={save.isPending}
            onCheckedChange={(checked) => save.mutate({ desk, newTickets: checked === true, assigned: value.assigned })}
          />
          <CheckboxField
            label={t("assigned")}
            description={t("assignedHint")}
            checked={value.assigned}
            disabled={save.isPending}
            onCheckedChange={(checked) => save.mutate({ desk, newTickets: value.newTickets, assigned: checked === true })}
          />
          {save.isError ? <Alert variant="error">{t("saveFailed")}</Alert> : null}
          {save.isSuccess ? (
            <p role="status" className="text-sm text-emerald-700">
              {t("saved")}
            </p>
          ) : null}
        </div>
      )}
    </QueryState>
  );
}
