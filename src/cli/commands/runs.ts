import type { RegisterCommand } from '../shared/register';
import { positiveInt } from '../shared/arguments';
import { UserFacingError } from '../../core/errors';
import type { RunSummary } from '../../core/intel/domain';
import { reportToMarkdown } from '../../core/intel/markdown';

function runLine(run: RunSummary): string {
  return `${String(run.id).padStart(4)}  ${run.startedAt}  ${run.status.padEnd(9)}  ${run.workflow.padEnd(13)}  ${run.providerCalls} calls, ${run.cacheHits} cache hits, ${run.credits} credits${run.stale ? ', stale' : ''}  ${run.query}`;
}

function stepLines(run: RunSummary): string[] {
  return run.steps.map((s) => {
    const why = s.error ? `: ${s.error.kind}: ${s.error.message}` : s.skippedReason ? `: ${s.skippedReason}` : '';
    return `  ${s.component.padEnd(12)} ${s.status.padEnd(9)} ${s.durationMs ?? '-'} ms, ${s.providerCalls} calls, ${s.cacheHits} cache hits${why}`;
  });
}

export const registerRuns: RegisterCommand = (program, context) => {
  const runs = program
    .command('runs')
    .description('company lookups run so far: steps, timings, provider calls, cache hits, credits');
  runs
    .command('list')
    .description('recent lookups, newest first')
    .option('--company <name>', 'only lookups of this company (name or domain)')
    .option('--limit <n>', 'how many', positiveInt('a count'), 50)
    .action(async (options: { company?: string; limit: number }) => {
      const { intel, companies } = await context.services();
      const company = options.company ? companies.find(options.company) : undefined;
      if (options.company && !company)
        throw new UserFacingError('not_found', `No company named "${options.company}" was looked up.`);
      const list = intel.runs({ companyId: company?.id, limit: options.limit });
      context.print(list, () => (list.length === 0 ? 'No lookups yet.' : list.map(runLine).join('\n')));
    });
  runs
    .command('show')
    .description('one lookup: its steps, and the report it produced')
    .argument('<id>', 'the run id (see `runs list`)', positiveInt('a run id'))
    .action(async (id: number) => {
      const { intel } = await context.services();
      const run = intel.run(id);
      if (!run) throw new UserFacingError('not_found', `There is no run ${id}.`);
      const report = intel.report(id);
      context.print({ run, report }, () =>
        [
          runLine(run),
          ...stepLines(run),
          '',
          report ? reportToMarkdown(report) : 'No report was stored (the run did not finish).',
        ].join('\n'),
      );
    });
};
