"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, useConfirmation } from "@/components/ui/confirm-dialog";
import { DismissibleNotice } from "@/components/ui/notices";
import { cn } from "@/lib/cn";
import { useTRPC } from "@/trpc/react";
import { CodeBlock, useCopy } from "./widget-code-block";
import { WidgetSection } from "./widget-section";

const identifyCall = `Deskhand('identify', { email: 'ann@example.com', name: 'Ann Lee', hash: 'HASH_FROM_YOUR_SERVER' });`;

const nodeExample = (comment: string) => `// ${comment}
import { createHmac } from "node:crypto";

const secret = process.env.DESKHAND_IDENTITY_SECRET;

export function deskhandIdentity(user) {
  const hash = createHmac("sha256", secret)
    .update(user.email.trim().toLowerCase())
    .digest("hex");
  return { email: user.email, name: user.name, hash };
}`;

/** Identity verification: how a site signs its visitors in, the desk's secret, and replacing it. */
export function WidgetIdentity({ desk, secret }: { desk: string; secret: string }) {
  const t = useTranslations("widgetAdmin.widget.identity");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const rotate = useMutation(trpc.widget.rotateSecret.mutationOptions());
  const [revealed, setRevealed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { state: copyState, copy } = useCopy();

  const rotation = useConfirmation(async () => {
    const settings = await rotate.mutateAsync({ desk });
    // Only the secret is taken from the answer: unsaved edits in the form above stay as they are.
    queryClient.setQueryData(trpc.widget.settings.queryKey({ desk }), (old) => (old ? { ...old, identitySecret: settings.identitySecret } : settings));
    setRevealed(true);
    setNotice(t("rotated"));
  });

  return (
    <WidgetSection id="widget-identity" title={t("title")} description={t("description")}>
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-2">
          <CodeBlock wrap code={identifyCall} label={t("callLabel")} copyLabel={t("copyCall")} copiedText={t("copiedCall")} failedText={t("copyFailedCode")} />
          <p className="text-sm text-slate-600">{t("callHint")}</p>
          <p className="text-sm text-slate-600">
            {t.rich("hashHint", { code: (chunks) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-800">{chunks}</code> })}
          </p>
        </div>

        <div className="flex flex-col gap-2">
          <span id="widget-secret-label" className="text-sm font-medium text-slate-800">
            {t("secret")}
          </span>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <output
              aria-labelledby="widget-secret-label"
              className={cn(
                "min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900",
                revealed ? "break-all" : "truncate",
              )}
              data-testid="identity-secret"
            >
              {revealed ? secret : `${"•".repeat(24)}${secret.slice(-4)}`}
              {revealed ? null : <span className="sr-only"> {t("masked")}</span>}
            </output>
            <div className="flex gap-2">
              <Button type="button" variant="secondary" size="sm" aria-pressed={revealed} onClick={() => setRevealed((r) => !r)}>
                {revealed ? t("hide") : t("reveal")}
              </Button>
              <Button type="button" variant="secondary" size="sm" onClick={() => void copy(secret)}>
                {t("copy")}
              </Button>
            </div>
          </div>
          <span aria-live="polite" className={copyState === "failed" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
            {copyState === "copied" ? t("copied") : copyState === "failed" ? t("copyFailed") : ""}
          </span>
        </div>

        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-slate-900">{t("example")}</h3>
          <CodeBlock code={nodeExample(t("exampleComment"))} label={t("exampleLabel")} copyLabel={t("copyExample")} copiedText={t("copiedCall")} failedText={t("copyFailedCode")} />
        </div>

        <DismissibleNotice notice={notice ? { variant: "success", text: notice } : null} onClose={() => setNotice(null)} />

        <div className="border-t border-slate-100 pt-4">
          <Button
            type="button"
            variant="secondary"
            className="text-red-700 hover:bg-red-50 hover:text-red-800"
            onClick={() => {
              setNotice(null);
              rotation.ask(true);
            }}
          >
            {t("rotate")}
          </Button>
        </div>
      </div>
      <ConfirmDialog {...rotation.dialog} variant="danger" title={t("rotateTitle")} description={t("rotateDescription")} confirmLabel={t("rotateConfirm")} />
    </WidgetSection>
  );
}
