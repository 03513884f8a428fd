import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { planChannels } from '../channels/plans';
import { schedulerFor } from '../../schedule/app-scheduler';

type PlanChannel = keyof typeof planChannels;

/** The plan channels over the process's services; reading the log takes no lease, so the owner is only a name. */
export function createPlanHandlers(services: AppServices): { [C in PlanChannel]: Handler<C> } {
  const scheduler = schedulerFor(services, `ipc:${process.pid}`);
  return {
    'plans:runs': ({ limit }) => scheduler.recent(limit),
  };
}
