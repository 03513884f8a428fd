import type { AppServices } from '../services/app-services';
import { WatchService } from '../watch/watch-service';
import { Scheduler } from './scheduler';
import { planSteps } from './plan-steps';
import type { Notifier } from '../notify/notifier';

/** The watch list over a process's services. */
export function watchServiceFor(services: AppServices, now?: () => Date): WatchService {
  return new WatchService({ db: services.db, intel: services.intel, settings: services.effectiveSettings, now });
}

/**
 * A process's scheduler, its plans' steps over the same services; `owner` names the process in leases, and
 * `notifier` (the app's desktop notifications) hears of every refresh that found something.
 */
export function schedulerFor(
  services: AppServices,
  owner: string,
  options: { now?: () => Date; notifier?: Notifier } = {},
): Scheduler {
  const now = options.now ?? (() => new Date());
  const steps = planSteps({ ...services, watches: watchServiceFor(services, now), now, notifier: options.notifier });
  return new Scheduler({
    db: services.db,
    now,
    owner,
    steps,
    keepRunDays: () => services.settings.read().schedule.keepRunDays,
  });
}
