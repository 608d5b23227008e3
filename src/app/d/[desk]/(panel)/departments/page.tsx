import { getTranslations } from "next-intl/server";
import { AgentDepartmentList } from "@/components/departments/agent-department-list";
import { DepartmentManager } from "@/components/departments/department-manager";
import { PageHeader } from "@/components/panel/page-header";
import { loadDesk } from "../../_data/desk";
import { can } from "@/server/kernel/permissions";

export default async function DepartmentsPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { role, api } = await loadDesk(desk, `/d/${desk}/departments`);
  if (can({ role, active: true, grants: new Map() }, "departments.manage")) {
    const [departments, staff] = await Promise.all([api.departments.listAll({ desk }), api.staff.list({ desk })]);
    return <DepartmentManager desk={desk} initialDepartments={departments} initialStaff={staff} />;
  }
  const [t, departments] = await Promise.all([getTranslations("panel.departments"), api.departments.list({ desk })]);
  return (
    <>
      <PageHeader title={t("title")} description={t("agent.description")} />
      <AgentDepartmentList departments={departments} />
    </>
  );
}
