import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_TAVILY_KEY, startFakeTavily, type FakeTavily } from '../support/providers/fake-tavily';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { seedImport } from '../fixtures/outreach/seed';
import { spawnEnrich } from './support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

const COMPANIES = Array.from({ length: 10 }, (_, i) => `Resumeco ${String.fromCharCode(65 + i)}`);

let tavily: FakeTavily | undefined;
afterEach(async () => {
  await tavily?.close();
  tavily = undefined;
});

const enrich = (dataDir: string, importId: number) =>
  spawnEnrich({ dataDir, importId, tavilyUrl: tavily!.baseUrl, tavilyKey: FAKE_TAVILY_KEY });

function doneCompanies(dataDir: string): string[] {
  const services = testServices({ dataDir });
  try {
    return services.db
      .prepare<[], { company_name: string }>(`SELECT company_name FROM enrichment_items WHERE status = 'done'`)
      .all()
      .map((r) => r.company_name);
  } finally {
    services.close();
  }
}

describe('enrichment resume', () => {
  it('resumes after the process is killed mid-batch without looking up a finished company again', async () => {
    tavily = await startFakeTavily({ latencyMs: 120 });
    const dataDir = tempDir();
    const services = testServices({ dataDir });
    services.settings.update({
      intel: { retryBaseMs: 10, extraction: 'deterministic', concurrency: 2 },
    } as SettingsPatch);
    const { importId } = seedImport(
      services.db,
      COMPANIES.map((company, i) => ({ firstName: `Lead${i}`, email: `lead${i}@example.com`, company })),
    );
    services.close();

    const first = enrich(dataDir, importId);
    let finishedBeforeKill: string[] = [];
    for (let waited = 0; finishedBeforeKill.length < 2 && waited < 60_000; waited += 100) {
      await delay(100);
      finishedBeforeKill = doneCompanies(dataDir);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(finishedBeforeKill.length).toBeGreaterThanOrEqual(2);
    expect(finishedBeforeKill.length).toBeLessThan(COMPANIES.length);
    const finished = doneCompanies(dataDir);

    // After a restart the app shows what the database holds: the dead runner's batch is interrupted, not running.
    const app = testServices({ dataDir });
    const status = await dispatch(createHandlers(app), 'enrichment:status', { batchId: 1 });
    const listed = await dispatch(createHandlers(app), 'enrichment:list', { importId });
    app.close();
    expect(status).toMatchObject({
      ok: true,
      data: { status: 'interrupted', running: false, companiesDone: finished.length, companiesTotal: COMPANIES.length },
    });
    expect(listed).toEqual({ ok: true, data: [(status as { data: unknown }).data] });

    const searchesBefore = new Map(
      finished.map((c) => [c, tavily!.searches().filter((r) => JSON.stringify(r.body).includes(c)).length]),
    );

    const second = enrich(dataDir, importId);
    expect(await second.exited).toBe(0);
    const summary = JSON.parse(second.stdout());
    expect(summary).toMatchObject({
      status: 'completed',
      companiesTotal: COMPANIES.length,
      companiesDone: COMPANIES.length,
      companiesFailed: 0,
    });
    for (const company of finished) {
      expect(tavily.searches().filter((r) => JSON.stringify(r.body).includes(company)).length).toBe(
        searchesBefore.get(company),
      );
    }
  }, 120_000);
});
