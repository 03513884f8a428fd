import type { Workflow } from './domain';

export interface StepDefinition {
  component: string;
  dependsOn: string[];
}

/** Workflows are data: which components run, and what each waits for. Custom components are appended. */
export const WORKFLOW_STEPS: Record<Workflow, StepDefinition[]> = {
  standard: [
    { component: 'identity', dependsOn: [] },
    { component: 'overview', dependsOn: ['identity'] },
    { component: 'executives', dependsOn: ['identity'] },
  ],
  comprehensive: [
    { component: 'identity', dependsOn: [] },
    { component: 'overview', dependsOn: ['identity'] },
    { component: 'executives', dependsOn: ['identity'] },
    { component: 'funding', dependsOn: ['identity'] },
    { component: 'news', dependsOn: ['identity'] },
  ],
};

/** The steps to run: the workflow (plus custom components when comprehensive), cut down to `types` and their dependencies. */
export function planSteps(workflow: Workflow, custom: StepDefinition[], types?: string[]): StepDefinition[] {
  const all = [...WORKFLOW_STEPS[workflow], ...(workflow === 'comprehensive' ? custom : [])];
  if (!types?.length) return all;
  const known = new Map([...WORKFLOW_STEPS.comprehensive, ...custom].map((s) => [s.component, s]));
  const wanted = new Set<string>();
  const visit = (name: string) => {
    const step = known.get(name);
    if (!step) throw new Error(`Unknown component "${name}". Known: ${[...known.keys()].join(', ')}.`);
    if (wanted.has(name)) return;
    wanted.add(name);
    step.dependsOn.forEach(visit);
  };
  types.forEach(visit);
  return [...known.values()].filter((s) => wanted.has(s.component));
}
