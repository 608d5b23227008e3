import { departmentTree, flattenTree } from "./tree";

type Department = { id: string; name: string; parentId: string | null };

/** A desk's departments as the options of a select: in tree order, sub-departments indented under their parent. */
export function DepartmentOptions<T extends Department>({
  departments,
  disabled,
  suffix,
}: {
  departments: readonly T[];
  disabled?: (department: T) => boolean;
  /** Words after a department's name (e.g. " (current)"). */
  suffix?: (department: T) => string;
}) {
  return flattenTree(departmentTree(departments)).map(({ department, depth }) => (
    <option key={department.id} value={department.id} disabled={disabled?.(department)}>
      {"\u00a0\u00a0\u00a0".repeat(depth)}
      {department.name}
      {suffix?.(department) ?? ""}
    </option>
  ));
}
