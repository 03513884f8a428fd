import { describe, expect, it } from 'vitest';
import type { CompanyReport, Fact, ProfileEntry } from '../../src/core/intel/domain';
import type { Outcome, StepOutput } from '../../src/core/intel/lookup-runner';
import { assembleRun, type StoredForReport } from '../../src/core/intel/report-assembly';
import { emptyReport } from '../../src/core/intel/report';
import type { StepEnd } from '../../src/core/intel/run-graph';

const target = { name: 'Lumora Analytics', domain: 'lumora.example', aliases: [], others: [] };

function fact(component: string, section: Fact['section'], text: string, url: string, id = 0): Fact {
  return {
    id,
    section,
    component,
    kind: section,
    value: text,
    text,
    source: { url, title: text, publishedDate: null },
    evidence: text,
    confidence: 0.9,
  };
}

const ceo: ProfileEntry = {
  id: 4,
  companyId: 7,
  kind: 'executive',
  value: 'Ada Byron',
  title: 'Chief Executive Officer',
  note: null,
  curator: 'sam',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

function outcome(ends: [string, StepEnd<StepOutput>][], providerCalls: number): Outcome {
  return {
    ends: new Map(ends),
    stats: new Map([[ends[0]![0], { providerCalls, cacheHits: 1, credits: providerCalls, stale: false }]]),
    sourceProviders: new Map([['https://news.example/b', 'tavily']]),
    steps: [],
  };
}

/** A lookup's stored report: a completed run of 5 calls whose facts were found by executives and funding. */
function storedReport(): CompanyReport {
  const report = emptyReport('Lumora Analytics', 'comprehensive', '2026-01-10T10:00:00.000Z');
  report.companyId = 7;
  report.company = { name: 'Lumora Analytics', domain: 'lumora.example', aliases: [] };
  report.run = { ...report.run, id: 3, status: 'completed', providerCalls: 5, cacheHits: 0, credits: 5 };
  report.facts = [
    fact('executives', 'executives', 'Jo Park, CFO', 'https://news.example/a', 11),
    fact('funding', 'funding', 'Seed, 2 M USD', 'https://news.example/old', 12),
  ];
  return report;
}

describe('assembleRun', () => {
  it('re-runs one step in a stored report: its facts replaced, the profile merged anew, the counts added', () => {
    const round = fact('funding', 'funding', 'Series B, 20 M USD', 'https://news.example/b');
    const funding: StepEnd<StepOutput> = {
      status: 'completed',
      output: { component: { facts: [round], notFound: [], apply: () => {} } },
    };
    const previous = { runId: 2, at: '2025-12-01T00:00:00.000Z', report: storedReport() };
    const stored: StoredForReport = {
      companyId: (company) => (company.domain === 'lumora.example' ? 7 : null),
      profile: (companyId) => (companyId === 7 ? [ceo] : []),
      previous: (companyId, beforeRunId) => (companyId === 7 && beforeRunId === 3 ? previous : null),
    };

    const run = assembleRun(storedReport(), outcome([['funding', funding]], 2), target, 'funding', stored);

    expect(run.runId).toBe(3);
    expect(run.report.facts.map((f) => [f.component, f.text])).toEqual([
      ['executives', 'Jo Park, CFO'],
      ['funding', 'Series B, 20 M USD'],
      ['profile', 'Ada Byron, Chief Executive Officer'],
    ]);
    expect(run.newFacts.map((f) => f.component)).toEqual(['funding', 'profile']);
    expect(run.replaceComponents).toEqual(['funding', 'profile']);
    expect(run.report.executives.map((e) => [e.name, e.origin])).toEqual([['Ada Byron', 'profile']]);
    expect(run.sourceProviders.get('profile:4')).toBe('analyst');
    expect(run.report.sources.map((s) => [s.id, s.url, s.provider])).toEqual([
      [1, 'https://news.example/a', 'web'],
      [2, 'https://news.example/b', 'tavily'],
      [3, 'profile:4', 'analyst'],
    ]);
    expect(run.report.changes).toMatchObject({
      previousRunId: 2,
      newExecutives: ['Ada Byron, Chief Executive Officer'],
    });
    expect(run.outcome).toMatchObject({ status: 'completed', partial: false, providerCalls: 7, credits: 7 });
  });

  it('a new lookup whose identity failed is a failed run, asks nothing of what is stored and curates nothing', () => {
    const failed: StepEnd<StepOutput> = { status: 'failed', error: { kind: 'server', message: 'Tavily answered 502' } };
    const base = emptyReport('Lumora', 'standard', '2026-01-10T10:00:00.000Z');
    base.run.id = 9;
    const nothingStored: StoredForReport = {
      companyId: () => {
        throw new Error('no company to look up');
      },
      profile: () => [ceo],
      previous: () => null,
    };

    const run = assembleRun(base, outcome([['identity', failed]], 1), null, undefined, nothingStored);

    expect(run.target).toBeNull();
    expect(run.newFacts).toEqual([]);
    expect(run.replaceComponents).toEqual([]);
    expect(run.report.partial).toEqual([{ component: 'identity', status: 'failed', reason: 'Tavily answered 502' }]);
    expect(run.outcome).toMatchObject({ status: 'failed', partial: true, providerCalls: 1 });
  });
});
