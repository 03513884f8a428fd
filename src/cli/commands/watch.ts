import type { RegisterCommand } from '../shared/register';
import { watchService } from '../shared/watch-services';
import { describeEvery } from '../../core/watch/interval';
import type { RefreshOutcome } from '../../core/watch/watch-service';
import type { Watch } from '../../core/watch/watch-store';

function describeWatch(watch: Watch): string {
  const last = watch.lastRefreshedAt ? `last refreshed ${watch.lastRefreshedAt}` : 'not refreshed yet';
  return `${watch.query}  every ${describeEvery(watch.everyMinutes)} with ${watch.workflow}, next due ${watch.nextDueAt}, ${last}${watch.lastError ? ` (${watch.lastError})` : ''}`;
}

function describeRefresh(outcome: RefreshOutcome): string {
  if (outcome.error) return `${outcome.watch.query}: ${outcome.error}`;
  return `${outcome.watch.query}: run ${outcome.runId}, ${outcome.providerCalls} provider calls, ${outcome.alerts} new alerts`;
}

/** `crm-intel watch add|list|remove|refresh`: companies refreshed on an interval, whose changes become alerts. */
export const registerWatch: RegisterCommand = (program, context) => {
  const watch = program
    .command('watch')
    .description('follow companies: refresh them on an interval and raise alerts for what changed');
  watch
    .command('add <company>')
    .description('watch a company (or change how it is watched); its first refresh sets the baseline')
    .option('--every <interval>', 'how often: 30m, 12h, 1d, 2w', '1d')
    .option('--workflow <name>', 'the workflow a refresh runs', 'standard')
    .action(async (company: string, options: { every: string; workflow: string }) => {
      const added = (await watchService(context)).add(company, options);
      context.print(added, () => `Watching ${describeWatch(added)}.`);
    });
  watch
    .command('list')
    .description('the watched companies, their interval, workflow and next refresh')
    .action(async () => {
      const all = (await watchService(context)).list();
      context.print(all, () =>
        all.length ? all.map(describeWatch).join('\n') : 'No company is watched (crm-intel watch add "Company").',
      );
    });
  watch
    .command('remove <company>')
    .description('stop watching a company (its alerts stay)')
    .action(async (company: string) => {
      (await watchService(context)).remove(company);
      context.print({ removed: company }, () => `No longer watching ${company}.`);
    });
  watch
    .command('refresh [company]')
    .description('refresh one watched company now, or (without a name) every watch that is due')
    .action(async (company?: string) => {
      const service = await watchService(context);
      const onProgress = (event: { message: string }) => context.progress(event.message);
      const outcomes = company
        ? [await service.refresh(service.find(company), { onProgress })]
        : await service.refreshDue({ onProgress });
      context.print(outcomes, () => (outcomes.length ? outcomes.map(describeRefresh).join('\n') : 'No watch is due.'));
    });
};
