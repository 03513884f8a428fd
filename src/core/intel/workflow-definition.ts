import { z } from 'zod';
import { findCycle } from './dependency-cycle';

const componentName = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _')
  .max(60);

/** How a step searches; anything left out is the component's own choice (or its settings under `components`). */
export const stepOptionsSchema = z.strictObject({
  searchDepth: z.enum(['basic', 'advanced']).optional(),
  maxResults: z.number().int().min(1).max(20).optional(),
  maxExecutives: z.number().int().min(1).max(100).optional(),
  /** Only pages from the last day, week, month or year. */
  timeRange: z.enum(['day', 'week', 'month', 'year']).optional(),
});
export type StepOptions = z.infer<typeof stepOptionsSchema>;

export const workflowStepSchema = z.strictObject({
  component: componentName,
  dependsOn: z.array(componentName).max(20).default([]),
  options: stepOptionsSchema.default({}),
});
/** A step as the run graph takes it. */
export interface StepDefinition {
  component: string;
  dependsOn: string[];
  options?: StepOptions;
}

/**
 * A workflow as an analyst writes it (a JSON file, or the Settings screen): which components run, with
 * which options, and what each waits for. The graph is checked here; which components exist is checked by
 * `workflowSchemaFor`, since custom components come from settings.
 */
export const workflowDefinitionSchema = z
  .strictObject({
    name: componentName,
    description: z.string().max(500).default(''),
    steps: z.array(workflowStepSchema).min(1).max(50),
  })
  .superRefine((workflow, context) => {
    const names = new Set<string>();
    workflow.steps.forEach((step, index) => {
      if (names.has(step.component))
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'component'],
          message: `"${step.component}" is a step twice`,
        });
      names.add(step.component);
    });
    workflow.steps.forEach((step, index) => {
      for (const dependency of step.dependsOn) {
        if (!names.has(dependency))
          context.addIssue({
            code: 'custom',
            path: ['steps', index, 'dependsOn'],
            message: `"${step.component}" depends on "${dependency}", which is not a step of this workflow`,
          });
      }
    });
    const cycle = findCycle(workflow.steps);
    if (cycle)
      context.addIssue({
        code: 'custom',
        path: ['steps'],
        message: `the steps depend on each other in a cycle: ${cycle.join(' -> ')}`,
      });
  });
export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;

/** The schema with the components this installation has (built-in and custom) as the only ones allowed. */
export function workflowSchemaFor(knownComponents: readonly string[]) {
  return workflowDefinitionSchema.superRefine((workflow, context) => {
    workflow.steps.forEach((step, index) => {
      if (!knownComponents.includes(step.component)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'component'],
          message: `unknown component "${step.component}" (known: ${knownComponents.join(', ')})`,
        });
      }
    });
  });
}
