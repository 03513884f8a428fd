import type { CliContext } from '../context';
import type { Workflow } from '../../core/intel/domain';
import type { BatchSummary } from '../../core/enrichment/batch-store';
import type { EnrichmentProgress } from '../../core/enrichment/batch-runner';
import { cancelOnCtrlC } from './ctrl-c';

/** Enriches an import's companies with progress on stderr; Ctrl-C stops it so that a rerun resumes. */
export async function enrichImport(
  context: CliContext,
  importId: number,
  options: { workflow?: Workflow; retry?: string | boolean } = {},
): Promise<BatchSummary> {
  const { enrichment } = await context.services();
  const planned = enrichment.plan({ importId }, options.workflow);
  if (planned.companiesDone > 0 && planned.companiesPending > 0) {
    context.progress(
      `Resuming batch ${planned.batchId}: ${planned.companiesDone} of ${planned.companiesTotal} companies already done.`,
    );
  }
  return cancelOnCtrlC(
    (signal) => {
      const run = { signal, onProgress: (p: EnrichmentProgress) => context.progress(describeProgress(p)) };
      return options.retry
        ? enrichment.retry(planned.batchId, typeof options.retry === 'string' ? options.retry : undefined, run)
        : enrichment.run(planned.batchId, run);
    },
    () => context.progress('Stopping after the lookups in flight; run the same command again to resume.'),
  );
}

function describeProgress(p: EnrichmentProgress): string {
  const eta = p.etaMs === null ? '' : `, about ${formatDuration(p.etaMs)} left`;
  const last = p.last ? ` · ${p.last.company}${p.last.ok ? '' : ` failed: ${p.last.error}`}` : '';
  return `${p.companiesDone + p.companiesFailed}/${p.companiesTotal} companies${p.companiesFailed ? ` (${p.companiesFailed} failed)` : ''}${eta}${last}`;
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 90 ? `${seconds}s` : `${Math.round(seconds / 60)}m`;
}

export function describeBatch(summary: BatchSummary): string {
  const lines = [
    `Batch ${summary.batchId} ${summary.status}: ${summary.companiesDone} of ${summary.companiesTotal} companies enriched for ${summary.leads} leads` +
      (summary.companiesFailed ? `, ${summary.companiesFailed} failed` : '') +
      (summary.companiesPending ? `, ${summary.companiesPending} pending (run again to resume)` : '') +
      '.',
  ];
  for (const failure of summary.failures) lines.push(`  ${failure.company} [${failure.companyKey}]: ${failure.error}`);
  if (summary.failures.length)
    lines.push(`Retry one with: crm-intel enrich --import ${summary.importId ?? 'ID'} --retry "<key in brackets>"`);
  return lines.join('\n');
}
