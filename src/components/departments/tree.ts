/** A department in the tree, with its place among its siblings (for Move up / Move down). */
export type TreeNode<T> = { department: T; depth: number; first: boolean; last: boolean; children: TreeNode<T>[] };

type Node = { id: string; parentId: string | null };

/**
 * Nests departments under their parents, keeping the given order (the server sorts by position).
 * A department whose parent is not in the list (not visible, or archived) shows at the top level.
 */
export function departmentTree<T extends Node>(departments: readonly T[]): TreeNode<T>[] {
  const ids = new Set(departments.map((d) => d.id));
  const childrenOf = new Map<string | null, T[]>();
  for (const department of departments) {
    const parent = department.parentId && ids.has(department.parentId) ? department.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), department]);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): TreeNode<T>[] => {
    const siblings = (childrenOf.get(parent) ?? []).filter((d) => !seen.has(d.id));
    return siblings.map((department, index) => ({
      department,
      depth,
      first: index === 0,
      last: index === siblings.length - 1,
      children: build(department.id, depth + 1, new Set([...seen, department.id])),
    }));
  };
  return build(null, 0, new Set());
}

/** The tree in reading order, depth-first: for selects that show the hierarchy by indentation. */
export function flattenTree<T>(nodes: TreeNode<T>[]): TreeNode<T>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ids of a department's descendants (it cannot become their child). */
export function descendantIds(departments: readonly Node[], id: string): Set<string> {
  const result = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next = departments.filter((d) => d.parentId && frontier.includes(d.parentId) && !result.has(d.id)).map((d) => d.id);
    next.forEach((d) => result.add(d));
    frontier = next;
  }
  return result;
}
