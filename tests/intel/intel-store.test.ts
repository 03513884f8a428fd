import { afterEach, describe, expect, it } from 'vitest';
import { IntelStore, type FinishedRun, type StepRecord } from '../../src/core/intel/intel-store';
import type { Fact } from '../../src/core/intel/domain';
import { emptyReport } from '../../src/core/intel/report';
import { openDatabase, type Db } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';

let db: Db | undefined;
afterEach(() => db?.close());

const fact: Fact = {
  id: 0,
  section: 'funding',
  component: 'funding',
  kind: 'round',
  value: { round: 'Series B' },
  text: 'Series B',
  source: { url: 'https://example.com/b', title: 'Series B', publishedDate: '2026-01-05' },
  evidence: 'Lumora raised a Series B.',
  confidence: 0.9,
};

function step(stepId: number, end: Partial<StepRecord>): StepRecord {
  return {
    stepId,
    status: 'completed',
    stats: { providerCalls: 0, cacheHits: 0, credits: 0, stale: false },
    startedAt: '2026-01-10T10:00:00.000Z',
    finishedAt: '2026-01-10T10:00:01.000Z',
    durationMs: 1000,
    ...end,
  };
}

/** A finished run of Lumora Analytics with these step ends and new facts, as `IntelService` hands one over. */
function finished(runId: number, startedAt: string, steps: StepRecord[], newFacts: Fact[]): FinishedRun {
  const report = { ...emptyReport('Lumora Analytics', 'standard', startedAt), facts: newFacts };
  return {
    runId,
    report,
    outcome: {
      status: 'partial',
      partial: true,
      stale: true,
      providerCalls: 3,
      cacheHits: 1,
      credits: 2,
      finishedAt: '2026-01-10T10:00:05.000Z',
    },
    target: { name: 'Lumora Analytics', domain: null, aliases: [], others: [] },
    steps,
    newFacts,
    sourceProviders: new Map([[fact.source.url, 'tavily']]),
    replaceComponents: [],
  };
}

describe('IntelStore.storeRun', () => {
  it('returns the run summary it stored: the steps as saved, read through the one row mapping', () => {
    db = openDatabase(tempDir('crm-intel-intel-store-'));
    const store = new IntelStore(db);
    const { runId, stepIds, startedAt } = store.createRun('Lumora Analytics', 'standard', [
      'identity',
      'funding',
      'news',
    ]);
    const stats = { providerCalls: 2, cacheHits: 1, credits: 2, stale: true };
    const error = { kind: 'server' as const, message: 'Tavily answered 502' };
    const returned = store.storeRun(
      finished(
        runId,
        startedAt,
        [
          step(stepIds.get('identity')!, { stats }),
          step(stepIds.get('funding')!, { status: 'failed', error }),
          step(stepIds.get('news')!, { status: 'skipped', skippedReason: 'no company', durationMs: null }),
        ],
        [fact],
      ),
    );

    expect(returned.run).toEqual(store.runSummary(runId));
    expect(returned.run).toEqual(store.report(runId)!.run);
    expect(returned.run).toMatchObject({ id: runId, query: 'Lumora Analytics', status: 'partial', stale: true });
    expect(returned.run.steps).toEqual([
      expect.objectContaining({ component: 'identity', status: 'completed', providerCalls: 2, cacheHits: 1 }),
      expect.objectContaining({ component: 'funding', status: 'failed', error, skippedReason: null }),
      expect.objectContaining({ component: 'news', status: 'skipped', skippedReason: 'no company', durationMs: null }),
    ]);
    expect(returned.companyId).not.toBeNull();
    expect(returned.facts.map((f) => f.id)).toEqual([expect.any(Number)]);
    expect(returned.facts[0]!.id).toBeGreaterThan(0);
  });

  it('stores a rerun step beside the steps stored before: the summary keeps them as they ended', () => {
    db = openDatabase(tempDir('crm-intel-intel-store-'));
    const store = new IntelStore(db);
    const { runId, stepIds, startedAt } = store.createRun('Lumora Analytics', 'standard', ['identity', 'funding']);
    const identity = step(stepIds.get('identity')!, { durationMs: 250 });
    const failed = step(stepIds.get('funding')!, { status: 'failed', error: { kind: 'timeout', message: 'slow' } });
    store.storeRun(finished(runId, startedAt, [identity, failed], []));

    const rerun = store.storeRun(
      finished(runId, startedAt, [step(stepIds.get('funding')!, { durationMs: 40 })], [fact]),
    );

    expect(rerun.run).toEqual(store.runSummary(runId));
    expect(rerun.run.steps.map((s) => [s.component, s.status, s.durationMs, s.error])).toEqual([
      ['identity', 'completed', 250, null],
      ['funding', 'completed', 40, null],
    ]);
  });

  it('refuses a run that was never created, storing nothing', () => {
    db = openDatabase(tempDir('crm-intel-intel-store-'));
    const store = new IntelStore(db);
    expect(() => store.storeRun(finished(41, '2026-01-10T10:00:00.000Z', [], [fact]))).toThrow(
      /Run 41 was never created/,
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM companies').get()).toEqual({ n: 0 });
  });
});
