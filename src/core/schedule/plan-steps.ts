import type { WatchService } from '../watch/watch-service';
import type { PlanStep } from './scheduler';
import type { PlanStepName } from './plan-definition';

/** The steps a plan may run, over this process's services. */
export function planSteps(watches: WatchService): Record<PlanStepName, PlanStep> {
  return {
    'refresh-watches': async ({ signal }) => {
      const outcomes = await watches.refreshDue({ signal });
      return {
        watchesRefreshed: outcomes.length,
        alerts: outcomes.reduce((sum, o) => sum + o.alerts, 0),
        providerCalls: outcomes.reduce((sum, o) => sum + o.providerCalls, 0),
        watchErrors: outcomes.filter((o) => o.error !== null).length,
      };
    },
  };
}
