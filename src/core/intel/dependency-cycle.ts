/** A step of a dependency graph: a workflow's step, or a custom component and what it runs after. */
export interface DependencyNode {
  component: string;
  dependsOn: readonly string[];
}

/** The first dependency cycle (as the path that closes it), or null; dependencies outside the nodes are ignored. */
export function findCycle(nodes: readonly DependencyNode[]): string[] | null {
  const dependencies = new Map(nodes.map((s) => [s.component, s.dependsOn]));
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | null => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return null;
    for (const next of dependencies.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return null;
  };
  for (const node of nodes) {
    const cycle = visit(node.component, []);
    if (cycle) return cycle;
  }
  return null;
}
