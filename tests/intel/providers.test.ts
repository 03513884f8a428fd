import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from './support';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { TavilyProvider } from '../../src/core/providers/tavily';
import { tempDir } from '../support/temp-dir';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Tavily error mapping', () => {
  it.each([
    [400, 'bad_request'],
    [401, 'auth'],
    [403, 'auth'],
    [429, 'rate_limit'],
    [432, 'quota'],
    [433, 'quota'],
    [502, 'server'],
  ] as const)('maps %i to %s without leaking the key', async (status, kind) => {
    const server = await startFakeTavily({
      faults: [{ status, body: { detail: { error: 'boom' } }, headers: { 'retry-after': '3' } }],
    });
    try {
      const result = await new TavilyProvider({ baseUrl: server.baseUrl, apiKey: async () => FAKE_TAVILY_KEY }).search({
        query: 'x',
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toBe(kind);
      expect(result.error.retryAfterMs).toBe(3000);
      expect(JSON.stringify(result)).not.toContain(FAKE_TAVILY_KEY);
    } finally {
      await server.close();
    }
  });

  it('asks nothing of Tavily without a key: search and extract fail as auth, naming the missing key', async () => {
    const server = await startFakeTavily();
    try {
      const tavily = new TavilyProvider({ baseUrl: server.baseUrl, apiKey: async () => null });
      for (const result of [await tavily.search({ query: 'x' }), await tavily.extract(['https://lumora.io'])])
        expect(!result.ok && result).toMatchObject({
          error: { kind: 'auth', message: 'No Tavily API key is set.' },
          meta: { provider: 'tavily' },
        });
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('reports an unreachable server as network, with the system error code', async () => {
    const server = await startFakeTavily();
    const baseUrl = server.baseUrl;
    await server.close();
    const result = await new TavilyProvider({ baseUrl, apiKey: async () => FAKE_TAVILY_KEY }).search({ query: 'x' });
    expect(!result.ok && result.error).toMatchObject({
      kind: 'network',
      message: 'Tavily could not be reached (ECONNREFUSED).',
    });
  });

  it('reports malformed JSON as invalid_response', async () => {
    const server = await startFakeTavily({ faults: [{ status: 200, rawBody: '{"results": [' }] });
    try {
      const result = await new TavilyProvider({ baseUrl: server.baseUrl, apiKey: async () => FAKE_TAVILY_KEY }).search({
        query: 'x',
      });
      expect(!result.ok && result.error.kind).toBe('invalid_response');
    } finally {
      await server.close();
    }
  });
});

describe('orchestration under provider failures', () => {
  it('waits for Retry-After on 429 and then succeeds', async () => {
    harness = await intelHarness({
      faults: [
        {
          match: 'leadership',
          status: 429,
          headers: { 'retry-after': '0.3' },
          body: { detail: { error: 'rate limited' } },
        },
      ],
    });
    const started = performance.now();
    const report = await harness.services.intel.lookup('Lumora Analytics');
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(report.run.partial).toBe(false);
    expect(report.executives.length).toBeGreaterThan(0);
    expect(report.run.steps.find((s) => s.component === 'executives')?.providerCalls).toBe(4); // the rate-limited search, its retry, and the two other searches
  });

  it('a bad key fails identity; dependents are skipped with the reason', async () => {
    harness = await intelHarness();
    await harness.secrets.set('tavily', 'wrong-key');
    const report = await harness.services.intel.lookup('Lumora Analytics');
    expect(report.run.status).toBe('failed');
    const steps = Object.fromEntries(report.run.steps.map((s) => [s.component, s]));
    expect(steps.identity).toMatchObject({ status: 'failed', error: { kind: 'auth' }, providerCalls: 1 });
    expect(steps.overview).toMatchObject({ status: 'skipped' });
    expect(steps.overview!.skippedReason).toMatch(/identity failed/);
    expect(JSON.stringify(report)).not.toContain('wrong-key');
  });

  it('isolates a step whose provider keeps failing with 5xx, and re-runs it alone', async () => {
    harness = await intelHarness({
      settings: { intel: { retries: 1 } } as never,
      faults: [{ match: 'leadership', status: 503, times: 2, body: { detail: { error: 'down' } } }],
    });
    const report = await harness.services.intel.lookup('Lumora Analytics');
    expect(report.run).toMatchObject({ partial: true, status: 'partial' });
    expect(report.partial).toEqual([
      { component: 'executives', status: 'failed', reason: expect.stringMatching(/503/) },
    ]);
    expect(report.overview.headquarters.length).toBeGreaterThan(0);
    // What a lookup returns is what it stored: report, fact ids, and each step's end as the run's row has it.
    const { intel } = harness.services;
    expect(intel.report(report.run.id)).toEqual(report);
    expect(intel.run(report.run.id)!.steps).toEqual(report.run.steps);
    const rerun = await intel.rerunStep(report.run.id, 'executives');
    expect(rerun.partial).toEqual([]);
    expect(rerun.executives.map((e) => e.name)).toContain('Jane Okafor');
    expect(rerun.run.steps.find((s) => s.component === 'executives')?.status).toBe('completed');
    expect(intel.report(report.run.id)).toEqual(rerun);
    expect(intel.run(report.run.id)!.steps).toEqual(rerun.run.steps);
    expect(rerun.facts.every((fact) => fact.id > 0)).toBe(true);
  });

  it('times out a slow response, retries it, and serves the stale cache when the provider stays down', async () => {
    harness = await intelHarness({
      settings: {
        intel: { requestTimeoutSeconds: 0.2, retries: 1 },
        cacheTtlHours: { identity: 0, overview: 0, executives: 0 },
      } as never,
    });
    await harness.services.intel.lookup('Lumora Analytics');
    for (let i = 0; i < 6; i++) harness.tavily.fault({ delayMs: 1000, body: {} });
    const report = await harness.services.intel.lookup('Lumora Analytics', { types: ['identity'] });
    expect(report.run.stale).toBe(true);
    expect(report.company.domain).toBe('lumora.io');
    expect(report.run.steps[0]).toMatchObject({ status: 'completed', providerCalls: 2 });
  });

  it('cancels through an AbortSignal', async () => {
    harness = await intelHarness({ latencyMs: 200 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const report = await harness.services.intel.lookup('Lumora Analytics', { signal: controller.signal });
    expect(report.run.status).toBe('cancelled');
    expect(report.run.steps.every((s) => s.status === 'cancelled')).toBe(true);
  });
});

describe('crm-intel lookup', () => {
  it('prints the JSON keys the issue lists and progress on stderr', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const result = await runCli(
        ['lookup', 'Lumora Analytics', '--workflow', 'comprehensive', '--json', '--data-dir', tempDir()],
        env,
      );
      expect(result.stderr + result.code).not.toMatch(/crm-intel:/);
      expect(result.code).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.company).toMatchObject({ name: 'Lumora Analytics', domain: 'lumora.io' });
      expect(json.executives[0]).toMatchObject({
        name: expect.any(String),
        title: expect.any(String),
        sources: [expect.stringMatching(/^https:/)],
      });
      expect(json.funding[0]).toHaveProperty('investors');
      expect(json.news[0]).toHaveProperty('summary');
      expect(json.sources[0]).toMatchObject({ id: 1, url: expect.any(String), title: expect.any(String) });
      // identity 1, overview 2, executives 3, funding 2, news 1
      expect(json.run).toMatchObject({ id: expect.any(Number), providerCalls: 9, cacheHits: 0, partial: false });
      expect(result.stderr).toMatch(/executives: done/);
    } finally {
      await server.close();
    }
  });

  it('prints numbered candidates and exits 2 for an ambiguous name', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('mercury') });
    try {
      const result = await runCli(['lookup', 'Mercury', '--data-dir', tempDir()], {
        TAVILY_BASE_URL: server.baseUrl,
        TAVILY_API_KEY: FAKE_TAVILY_KEY,
      });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/1\. Mercury/);
      expect(result.stdout).toMatch(/--pick/);
    } finally {
      await server.close();
    }
  });
});
