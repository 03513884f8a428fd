import type { PlanStep, PlanSteps } from '../../src/core/schedule/scheduler';

/** The step table with one step standing in for each of the fixed set: tests about the scheduler, not the steps. */
export function everyStep(step: PlanStep): PlanSteps {
  return { 'refresh-watches': step, 'enrich-import': step, 'draft-alerts': step, 'export-drafts': step, notify: step };
}
