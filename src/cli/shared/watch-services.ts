import type { CliContext } from '../context';
import { WatchService } from '../../core/watch/watch-service';

/** The watch list and alerts over this process's services. */
export async function watchService(context: CliContext): Promise<WatchService> {
  const services = await context.services();
  return new WatchService({ db: services.db, intel: services.intel, settings: services.effectiveSettings });
}
