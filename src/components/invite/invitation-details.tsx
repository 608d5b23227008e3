import { getTranslations } from "next-intl/server";

/** Which desk, which role, which address: what the person is about to accept. */
export async function InvitationDetails({ deskName, role, email }: { deskName: string; role: "admin" | "agent"; email: string }) {
  const t = await getTranslations("staff.invitePage");
  const tRole = await getTranslations("panel.userMenu.role");
  const rows = [
    { label: t("desk"), value: deskName },
    { label: t("role"), value: tRole(role), hint: t(`roleHint.${role}`) },
    { label: t("email"), value: email },
  ];
  return (
    <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-slate-50/60 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="grid grid-cols-[6rem_1fr] gap-3 px-4 py-2.5">
          <dt className="text-slate-500">{row.label}</dt>
          <dd className="min-w-0">
            <span className="block font-medium break-words text-slate-900">{row.value}</span>
            {row.hint ? <span className="mt-0.5 block text-xs text-slate-500">{row.hint}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
