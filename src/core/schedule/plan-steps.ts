import type { RefreshOutcome, WatchService } from '../watch/watch-service';
import type { Notifier } from '../notify/notifier';
import type { PlanStep } from './scheduler';
import type { PlanStepName } from './plan-definition';

/** One desktop notification per refresh that found something: the company, and what changed. */
function notifyFindings(notifier: Notifier, outcomes: RefreshOutcome[]): number {
  const found = outcomes.filter((o) => o.alerts > 0);
  for (const outcome of found) {
    notifier.notify({ title: `${outcome.watch.query}: ${outcome.alerts} new alert${outcome.alerts === 1 ? '' : 's'}`, body: outcome.summaries.join('\n') });
  }
  return found.length;
}

/** The steps a plan may run, over this process's services; without a notifier (the command line) nothing pops up. */
export function planSteps(watches: WatchService, notifier?: Notifier): Record<PlanStepName, PlanStep> {
  return {
    'refresh-watches': async ({ signal }) => {
      const outcomes = await watches.refreshDue({ signal });
      return {
        watchesRefreshed: outcomes.length,
        alerts: outcomes.reduce((sum, o) => sum + o.alerts, 0),
        providerCalls: outcomes.reduce((sum, o) => sum + o.providerCalls, 0),
        watchErrors: outcomes.filter((o) => o.error !== null).length,
        notifications: notifier ? notifyFindings(notifier, outcomes) : 0,
      };
    },
  };
}
