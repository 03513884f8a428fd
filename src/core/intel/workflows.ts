import type { Workflow } from './domain';
import type { StepDefinition, WorkflowDefinition } from './workflow-definition';

export type { StepDefinition } from './workflow-definition';

const identity: StepDefinition = { component: 'identity', dependsOn: [] };
const afterIdentity = (component: string): StepDefinition => ({ component, dependsOn: ['identity'] });

/** The two workflows every installation has; analysts' own are stored in `workflows` (see workflow-store.ts). */
export const BUILTIN_WORKFLOWS: Record<Workflow, WorkflowDefinition> = {
  standard: {
    name: 'standard',
    description: 'Identity, overview and executives.',
    steps: [identity, afterIdentity('overview'), afterIdentity('executives')].map(withOptions),
  },
  comprehensive: {
    name: 'comprehensive',
    description: 'Everything: overview, executives, funding, news and every custom component.',
    steps: [identity, ...['overview', 'executives', 'funding', 'news'].map(afterIdentity)].map(withOptions),
  },
};

export const BUILTIN_COMPONENTS = BUILTIN_WORKFLOWS.comprehensive.steps.map((s) => s.component);

function withOptions(step: StepDefinition): WorkflowDefinition['steps'][number] {
  return { ...step, options: {} };
}

/**
 * The steps to run: the workflow (plus custom components when it is the built-in comprehensive), without
 * components switched off in settings (nor what needs them), cut down to `types` and their dependencies.
 */
export function planSteps(
  workflow: WorkflowDefinition,
  custom: StepDefinition[],
  types?: string[],
  disabled: ReadonlySet<string> = new Set(),
): StepDefinition[] {
  const all = withoutDisabled(
    [...workflow.steps, ...(workflow === BUILTIN_WORKFLOWS.comprehensive ? custom : [])],
    disabled,
  );
  if (!types?.length) return all;
  // A type outside the workflow runs as the comprehensive workflow (or its custom component) defines it.
  const known = new Map([...BUILTIN_WORKFLOWS.comprehensive.steps, ...custom, ...all].map((s) => [s.component, s]));
  const wanted = new Set<string>();
  const visit = (name: string) => {
    const step = known.get(name);
    if (!step) throw new Error(`Unknown component "${name}". Known: ${[...known.keys()].join(', ')}.`);
    if (disabled.has(name))
      throw new Error(`The ${name} component is switched off in settings (components.${name}.enabled).`);
    if (wanted.has(name)) return;
    wanted.add(name);
    step.dependsOn.forEach(visit);
  };
  types.forEach(visit);
  return [...known.values()].filter((s) => wanted.has(s.component));
}

/** Steps whose component is switched off, and every step that (transitively) depends on one, are left out. */
function withoutDisabled(steps: StepDefinition[], disabled: ReadonlySet<string>): StepDefinition[] {
  const removed = new Set(disabled);
  let kept = steps;
  for (let changed = true; changed;) {
    const next = kept.filter((s) => !removed.has(s.component) && !s.dependsOn.some((d) => removed.has(d)));
    kept.filter((s) => !next.includes(s)).forEach((s) => removed.add(s.component));
    changed = next.length !== kept.length;
    kept = next;
  }
  return kept;
}
