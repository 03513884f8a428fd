import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { FAKE_TAVILY_KEY, type FakeTavilyOptions } from '../support/providers/fake-tavily';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { seedImport } from '../fixtures/outreach/seed';
import type { BatchSummary } from '../../src/core/enrichment/batch-store';
import type { EnrichmentProgress } from '../../src/core/enrichment/batch-runner';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { companyFixtures, spawnEnrich, waitFor } from './support';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const names = (n: number) =>
  Array.from({ length: n }, (_, i) => `Ipcco ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);

/** Real services and IPC handlers; batches run in a real job worker against the loopback Tavily. */
async function setup(
  companies: string[],
  options: { latencyMs?: number; requestsPerMinute?: number; faults?: FakeTavilyOptions['faults'] } = {},
) {
  harness = await intelHarness({
    latencyMs: options.latencyMs ?? 0,
    fixtures: companyFixtures(companies),
    faults: options.faults,
    settings: {
      rateLimits: { tavily: { requestsPerMinute: options.requestsPerMinute ?? 6000, burst: 5 } },
    } as SettingsPatch,
  });
  const { services } = harness;
  const { importId } = seedImport(
    services.db,
    companies.map((company, i) => ({ firstName: `Lead${i}`, email: `lead${i}@example.com`, company })),
  );
  const events: { event: string; payload: unknown }[] = [];
  const context = { emit: (event: string, payload: unknown) => events.push({ event, payload }) };
  const handlers = createHandlers(services);
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, request, context);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as T;
  };
  const progress = () =>
    events.filter((e) => e.event === 'enrichment:progress').map((e) => e.payload as EnrichmentProgress);
  const finished = () => events.filter((e) => e.event === 'enrichment:finished').map((e) => e.payload as BatchSummary);
  return { services, importId, handlers, call, progress, finished, tavily: harness.tavily };
}

describe('enrichment over IPC, running in its worker', () => {
  it('reports progress with an estimate of the time left, and finishes with the persisted state', async () => {
    const { call, importId, progress, finished } = await setup(names(6));
    const started = await call<BatchSummary>('enrichment:start', { importId, workflow: 'standard' });
    expect(started).toMatchObject({ companiesTotal: 6, companiesPending: 6 });
    await waitFor(() => finished().length === 1);

    // Successes are reported at most every 200 ms, so there may be fewer updates than companies; the last one always comes.
    const updates = progress();
    const counts = updates.map((p) => p.companiesDone + p.companiesFailed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(new Set(counts).size).toBe(counts.length);
    for (const update of updates.slice(0, -1)) expect(update.etaMs).toBeGreaterThan(0);
    expect(updates.at(-1)).toMatchObject({ companiesDone: 6, companiesTotal: 6, etaMs: 0, last: { ok: true } });
    expect(finished()[0]).toMatchObject({ status: 'completed', running: false, companiesDone: 6 });
    expect(await call('enrichment:status', { batchId: started.batchId })).toMatchObject({
      status: 'completed',
      running: false,
      companiesDone: 6,
    });
  }, 60_000);

  it('cancels a batch running in its worker: the lookups in flight finish, the rest stay pending for a resume', async () => {
    const { call, importId, progress, finished } = await setup(names(16), { latencyMs: 150, requestsPerMinute: 600 });
    const { batchId } = await call<BatchSummary>('enrichment:start', { importId, workflow: 'standard' });
    await waitFor(() => progress().length > 0);
    expect(await call('enrichment:status', { batchId })).toMatchObject({ status: 'running', running: true });

    expect(await call('enrichment:cancel', { batchId })).toEqual({ cancelled: true });
    await waitFor(() => finished().length === 1);
    const stopped = finished()[0]!;
    expect(stopped).toMatchObject({ status: 'cancelled', running: false });
    expect(stopped.companiesPending).toBeGreaterThan(0);
    expect(await call('enrichment:cancel', { batchId })).toEqual({ cancelled: false });

    await call('enrichment:start', { importId });
    await waitFor(() => finished().length === 2);
    expect(finished()[1]).toMatchObject({ status: 'completed', companiesDone: 16, companiesPending: 0 });
  }, 120_000);

  it('retries one failed company alone', async () => {
    const companies = ['Retryco Alpha', 'Retryco Beta', 'Retryco Gamma'];
    const { call, importId, finished, tavily } = await setup(companies, {
      faults: [{ match: 'Retryco Beta', status: 400, body: { detail: { error: 'Bad request' } } }],
    });
    const { batchId } = await call<BatchSummary>('enrichment:start', { importId, workflow: 'standard' });
    await waitFor(() => finished().length === 1);
    expect(finished()[0]).toMatchObject({
      status: 'partial',
      companiesDone: 2,
      companiesFailed: 1,
      failures: [{ companyKey: 'name:retryco beta' }],
    });
    expect(finished()[0]!.failures[0]!.error).toMatch(/could not be identified/);

    const searchesOf = (name: string) => tavily.searches().filter((r) => JSON.stringify(r.body).includes(name)).length;
    const before = { alpha: searchesOf('Retryco Alpha'), gamma: searchesOf('Retryco Gamma') };
    const unknown = await dispatch(createHandlers(harness!.services), 'enrichment:retry', {
      batchId,
      companyKey: 'name:retryco alpha',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_failed' } });

    await call('enrichment:retry', { batchId, companyKey: 'name:retryco beta' });
    await waitFor(() => finished().length === 2);
    expect(finished()[1]).toMatchObject({ status: 'completed', companiesDone: 3, companiesFailed: 0 });
    expect({ alpha: searchesOf('Retryco Alpha'), gamma: searchesOf('Retryco Gamma') }).toEqual(before);
  }, 60_000);
});

describe('enrichment of a batch run by another process', () => {
  it('shows a command-line batch as running, cancels it over IPC, and the command stops with the batch cancelled', async () => {
    const companies = names(30);
    harness = await intelHarness({ latencyMs: 150, fixtures: companyFixtures(companies) });
    const dataDir = tempDir();
    const setupServices = testServices({ dataDir });
    setupServices.settings.update({
      intel: { retryBaseMs: 10, extraction: 'deterministic' },
      rateLimits: { tavily: { requestsPerMinute: 600, burst: 5 } },
    } as SettingsPatch);
    const { importId } = seedImport(
      setupServices.db,
      companies.map((company, i) => ({ firstName: `Lead${i}`, email: `lead${i}@example.com`, company })),
    );
    setupServices.close();

    const cli = spawnEnrich({ dataDir, importId, tavilyUrl: harness.tavily.baseUrl, tavilyKey: FAKE_TAVILY_KEY });
    const app = testServices({ dataDir });
    try {
      const handlers = createHandlers(app);
      const batchId = () => app.db.prepare<[], { id: number }>('SELECT id FROM enrichment_batches').get()?.id;
      const done = () =>
        app.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM enrichment_items WHERE status = 'done'`).get()!.n;
      await waitFor(() => batchId() !== undefined && done() > 0);

      expect(await dispatch(handlers, 'enrichment:status', { batchId: batchId() })).toMatchObject({
        ok: true,
        data: { status: 'running', running: true },
      });
      expect(await dispatch(handlers, 'enrichment:start', { importId })).toMatchObject({
        ok: false,
        error: { code: 'batch_running' },
      });
      expect(await dispatch(handlers, 'enrichment:cancel', { batchId: batchId() })).toEqual({
        ok: true,
        data: { cancelled: true },
      });

      expect(await cli.exited).toBe(0);
      const printed = JSON.parse(cli.stdout()) as BatchSummary;
      expect(printed).toMatchObject({ status: 'cancelled', running: false });
      expect(printed.companiesPending).toBeGreaterThan(0);
      expect(await dispatch(handlers, 'enrichment:status', { batchId: batchId() })).toMatchObject({
        ok: true,
        data: { status: 'cancelled', running: false },
      });
    } finally {
      cli.child.kill('SIGKILL');
      app.close();
    }
  }, 120_000);
});
