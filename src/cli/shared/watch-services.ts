import type { CliContext } from '../context';
import type { WatchService } from '../../core/watch/watch-service';
import type { Scheduler } from '../../core/schedule/scheduler';
import { schedulerFor, watchServiceFor } from '../../core/schedule/app-scheduler';

/** The watch list and alerts over this process's services. */
export async function watchService(context: CliContext): Promise<WatchService> {
  return watchServiceFor(await context.services());
}

/** The scheduler, leasing plans as this command's process. */
export async function scheduler(context: CliContext): Promise<Scheduler> {
  return schedulerFor(await context.services(), `cli:${process.pid}`);
}
