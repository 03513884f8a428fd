import type { AppServices } from '../services/app-services';
import { WatchService } from '../watch/watch-service';
import { Scheduler } from './scheduler';
import { planSteps } from './plan-steps';

/** The watch list over a process's services. */
export function watchServiceFor(services: AppServices, now?: () => Date): WatchService {
  return new WatchService({ db: services.db, intel: services.intel, settings: services.effectiveSettings, now });
}

/** A process's scheduler, its plans' steps over the same services; `owner` names the process in leases. */
export function schedulerFor(services: AppServices, owner: string, now: () => Date = () => new Date()): Scheduler {
  return new Scheduler({ db: services.db, now, owner, steps: planSteps(watchServiceFor(services, now)) });
}
