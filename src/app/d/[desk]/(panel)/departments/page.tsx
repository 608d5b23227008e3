import { getTranslations } from "next-intl/server";
import { AddDepartmentForm } from "@/components/departments/add-department-form";
import { PageHeader } from "@/components/panel/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { loadDesk } from "@/server/desks/load";
import { can } from "@/server/staff/permissions";

export default async function DepartmentsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { role, api } = await loadDesk(desk, `/d/${desk}/departments`);
  const [t, departments] = await Promise.all([getTranslations("panel.departments"), api.departments.list({ desk })]);
  const topLevel = departments.filter((d) => d.parentId === null);
  const childrenOf = (id: string) => departments.filter((d) => d.parentId === id);
  const canManage = can({ role, active: true, grants: new Map() }, "departments.manage");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {canManage ? <AddDepartmentForm desk={desk} /> : null}
      {topLevel.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label={t("title")}>
          {topLevel.map((department) => (
            <li key={department.id} className="px-4 py-3">
              <div className="flex items-center gap-2">
                <span className="font-medium text-slate-900">{department.name}</span>
                <Badge variant={department.isPublic ? "brand" : "neutral"}>{department.isPublic ? t("public") : t("internal")}</Badge>
              </div>
              {childrenOf(department.id).length > 0 ? (
                <ul className="mt-2 ml-4 flex flex-col gap-1 border-l border-slate-200 pl-4 text-sm text-slate-700">
                  {childrenOf(department.id).map((child) => (
                    <li key={child.id}>{child.name}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
