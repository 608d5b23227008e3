import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import type { Department } from "@/server/departments/schema";
import { DepartmentSummary } from "./department-summary";
import { departmentTree, type TreeNode } from "./tree";

/** What an agent sees: the departments their grants let them work, read-only. */
export async function AgentDepartmentList({ departments }: { departments: Department[] }) {
  const t = await getTranslations("panel.departments");
  if (departments.length === 0) {
    return <EmptyState title={t("agent.emptyTitle")} description={t("agent.emptyDescription")} />;
  }
  const item = (node: TreeNode<Department>) => (
    <li key={node.department.id} className={node.depth > 0 ? "border-t border-slate-100" : undefined}>
      <DepartmentSummary
        name={node.department.name}
        description={node.department.description}
        visibility={{ isPublic: node.department.isPublic, label: node.department.isPublic ? t("public") : t("internal") }}
        depth={node.depth}
      />
      {node.children.length > 0 ? <ul>{node.children.map(item)}</ul> : null}
    </li>
  );
  return (
    <div className="flex flex-col gap-4">
      <Alert variant="info">{t("agent.intro")}</Alert>
      <ul aria-label={t("title")} className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {departmentTree(departments).map(item)}
      </ul>
    </div>
  );
}
