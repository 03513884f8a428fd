import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { keyBindingOver, keysForConfirmedBaseUrls } from '../../src/core/secrets/key-destinations';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import type { BatchSummary } from '../../src/core/enrichment/batch-store';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { seedImport } from '../fixtures/outreach/seed';
import { MemorySecretStore } from '../support/memory-secrets';
import { FAKE_TAVILY_KEY, startFakeTavily, type FakeTavily } from '../support/providers/fake-tavily';
import { runCli } from '../support/run-cli';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { companyFixtures, waitFor } from './support';

/**
 * A base URL changed in the settings file (by the renderer, or someone else) gets no stored key until the
 * analyst confirms it. Enrichment used to swallow that refusal: `enrichment:start` answered with the batch
 * and the batch never moved. It must say what is wrong and where to confirm, and keep the batch intact.
 */
const COMPANIES = ['Unconfirmed Alpha', 'Unconfirmed Beta'];
let tavily: FakeTavily | undefined;
const closers: (() => void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await tavily?.close();
  tavily = undefined;
});

/** Real services whose stored keys go only to confirmed base URLs, as in the app (`bootstrap.ts`). */
async function appWithStoredKey() {
  tavily = await startFakeTavily({ fixtures: companyFixtures(COMPANIES) });
  const dataDir = tempDir();
  const store = new MemorySecretStore();
  await store.set('tavily', FAKE_TAVILY_KEY);
  await store.set('openai', 'sk-test-openai-key-0123456789');
  const secrets = keysForConfirmedBaseUrls(store, keyBindingOver(dataDir, openConfBackend(dataDir), {}));
  const services = testServices({ dataDir, secrets });
  closers.push(() => services.close());
  const { importId } = seedImport(
    services.db,
    COMPANIES.map((company, i) => ({ firstName: `Lead${i}`, email: `lead${i}@example.com`, company })),
  );
  const events: string[] = [];
  const handlers = createHandlers(services);
  const call = (channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { emit: (event: string) => events.push(event) });
  return { services, importId, call, events, store, baseUrl: tavily.baseUrl };
}

describe('enrichment and a base URL the analyst has not confirmed', () => {
  it('refuses to start with a message naming the provider, the address and where to confirm it; the batch is kept', async () => {
    const { services, importId, call, events, baseUrl } = await appWithStoredKey();
    services.settings.update({ providers: { tavily: { baseUrl, enabled: true } } } as SettingsPatch);

    const refused = await call('enrichment:start', { importId, workflow: 'standard' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'base_url_unconfirmed' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain(`Tavily base URL is now ${baseUrl}`);
    expect(message).toContain('Settings, API keys');
    expect(message).toContain('crm-intel keys set tavily');
    expect(message).not.toContain(FAKE_TAVILY_KEY);
    expect(tavily!.searches()).toEqual([]);
    // Nothing lost: the batch is planned, every company still pending, and nothing holds it.
    const batchId = services.enrichment.batches.latestForImport(importId)!;
    expect(services.enrichment.status(batchId)).toMatchObject({
      companiesTotal: 2,
      companiesPending: 2,
      companiesDone: 0,
      running: false,
    });
    expect(events).toEqual([]);

    // Confirmed (here: the key saved again for the new address), the same batch runs to its end.
    await services.secrets.set('tavily', FAKE_TAVILY_KEY);
    expect(await call('enrichment:start', { importId, workflow: 'standard' })).toMatchObject({
      ok: true,
      data: { batchId },
    });
    await waitFor(() => events.includes('enrichment:finished'));
    expect(services.enrichment.status(batchId)).toMatchObject({
      companiesDone: 2,
      companiesPending: 0,
    } satisfies Partial<BatchSummary>);
    expect(tavily!.searches().length).toBeGreaterThan(0);
  });

  it('is not blocked by a disabled provider whose base URL changed', async () => {
    const { services, importId, call, events, baseUrl } = await appWithStoredKey();
    services.settings.update({
      providers: {
        tavily: { baseUrl, enabled: true },
        openai: { baseUrl: 'https://llm-proxy.example/v1', enabled: false },
      },
    } as SettingsPatch);
    await services.secrets.set('tavily', FAKE_TAVILY_KEY);
    expect(await call('enrichment:start', { importId, workflow: 'standard' })).toMatchObject({ ok: true });
    await waitFor(() => events.includes('enrichment:finished'));
    expect(services.enrichment.status(services.enrichment.batches.latestForImport(importId)!)).toMatchObject({
      companiesDone: 2,
    });
  });

  it('on the command line, fails with the same one-line message and exit code 1', async () => {
    const { services, importId, baseUrl } = await appWithStoredKey();
    const env = { CRM_INTEL_DATA_DIR: services.dataDir, TAVILY_API_KEY: FAKE_TAVILY_KEY };
    expect((await runCli(['settings', 'set', 'providers.tavily.baseUrl', baseUrl], env)).code).toBe(0);
    const result = await runCli(['enrich', '--import', String(importId)], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`Tavily base URL is now ${baseUrl}.*crm-intel keys set tavily`)),
    ]);
    expect(tavily!.searches()).toEqual([]);
  });
});
