import { describe, expect, it } from 'vitest';
import { alertsBetween } from '../../src/core/watch/alert-diff';
import { emptyReport } from '../../src/core/intel/report';
import type { CompanyReport } from '../../src/core/intel/domain';

/** A report whose overview step completed, stating `headquarters` from one source. */
function reportAt(headquarters: string): CompanyReport {
  const report = emptyReport('Lumora Analytics', 'standard', '2026-12-01T00:00:00Z');
  report.run.steps = [{ component: 'overview', status: 'completed' } as CompanyReport['run']['steps'][number]];
  report.overview.headquarters = [{ value: headquarters, sources: ['https://www.lumora.io/about'] }];
  return report;
}

describe('what changed between two reports', () => {
  it('reads a place written more precisely as the same headquarters, and a new city as a move', () => {
    expect(alertsBetween(reportAt('Munich, Germany'), reportAt('Munich'))).toEqual([]);
    expect(alertsBetween(reportAt('Munich'), reportAt('Munich, Bavaria, Germany'))).toEqual([]);
    expect(alertsBetween(reportAt('Berlin, Germany'), reportAt('Munich')).map((a) => a.summary)).toEqual([
      'Headquarters: Munich -> Berlin, Germany',
    ]);
  });
});
