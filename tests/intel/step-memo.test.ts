import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/store/database';
import { RequestCache } from '../../src/core/providers/gateway/request-cache-store';
import { ProviderGateway, emptyStats, type CachedAnswer } from '../../src/core/providers/gateway/provider-gateway';
import { StepMemo } from '../../src/core/intel/step-memo';
import { emptyReport } from '../../src/core/intel/report';
import type { ComponentOutput } from '../../src/core/intel/component';
import { tempDir } from '../support/temp-dir';

const databases: Db[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

const HOUR = 3_600_000;

/** A gateway and a step memo over one real request cache, on a clock the test moves. */
function setup() {
  const db = openDatabase(tempDir());
  databases.push(db);
  const clock = { now: Date.parse('2026-01-05T10:00:00Z') };
  const cache = new RequestCache(db, () => clock.now);
  const gateway = new ProviderGateway(cache, {
    rateLimits: {},
    concurrency: 2,
    retries: 0,
    retryBaseMs: 1,
    requestTimeoutMs: 5_000,
    maxRetryAfterMs: 50,
  });
  /** One search through the gateway; what the provider would answer is `answer`. */
  const search = async (answers: CachedAnswer[], answer: string, refresh = false) => {
    const stats = emptyStats();
    await gateway.request(
      {
        provider: 'tavily',
        endpoint: '/search',
        params: { query: 'Acme Robotics' },
        send: async () => ({ ok: true, data: answer, meta: { provider: 'tavily', latencyMs: 1, cached: false } }),
      },
      { section: 'overview', ttlHours: 1, refresh, signal: new AbortController().signal, stats, answers },
    );
    return stats;
  };
  return { clock, memo: new StepMemo(cache), search };
}

const overviewOutput = (): ComponentOutput => {
  const overview = { ...emptyReport('Acme', 'standard', '2026-01-05T10:00:00Z').overview };
  overview.headquarters = [{ value: 'Austin, Texas', sources: ['https://acme.example/about'] }];
  return {
    facts: [],
    notFound: ['overview.founded'],
    apply(report) {
      report.overview = overview;
    },
  };
};

describe('steps served again from their cached answers', () => {
  it('notes the fresh cached answers a step is served, not what a provider answered', async () => {
    const { search } = setup();
    const answers: CachedAnswer[] = [];
    expect(await search(answers, 'first')).toMatchObject({ providerCalls: 1, cacheHits: 0 });
    expect(answers).toEqual([]);
    expect(await search(answers, 'first')).toMatchObject({ providerCalls: 0, cacheHits: 1 });
    expect(answers).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: '2026-01-05T10:00:00.000Z' }]);
  });

  it('serves a step while each of its answers is the one stored then and fresh, and never after', async () => {
    const { clock, memo, search } = setup();
    await search([], 'first');
    const answers: CachedAnswer[] = [];
    await search(answers, 'first');
    memo.remember('overview|Acme', { output: { component: overviewOutput() }, answers, sources: [] });
    expect(memo.recall('overview|Acme')?.answers).toEqual(answers);
    expect(memo.recall('overview|Other')).toBeUndefined();

    clock.now += 2 * HOUR;
    expect(memo.recall('overview|Acme')).toBeUndefined();

    // Stored anew (a refreshed lookup): the entry is fresh again but a different answer.
    await search([], 'second', true);
    memo.remember('overview|Acme', { output: { component: overviewOutput() }, answers, sources: [] });
    expect(memo.recall('overview|Acme')).toBeUndefined();
  });

  it('hands every lookup its own copy of a kept output, so what one report changes reaches no other', async () => {
    const { memo } = setup();
    const made = memo.remember('overview|Acme', { output: { component: overviewOutput() }, answers: [], sources: [] });
    const first = emptyReport('Acme', 'standard', '2026-01-05T10:00:00Z');
    made.component!.apply(first);
    first.overview.headquarters = [{ value: 'Denver, Colorado', sources: ['profile:1'] }];
    made.component!.notFound.push('overview.industry');

    const second = emptyReport('Acme', 'standard', '2026-01-05T10:00:00Z');
    const recalled = memo.recall('overview|Acme')!.output.component!;
    recalled.apply(second);
    expect(second.overview.headquarters).toEqual([{ value: 'Austin, Texas', sources: ['https://acme.example/about'] }]);
    expect(recalled.notFound).toEqual(['overview.founded']);
  });
});
