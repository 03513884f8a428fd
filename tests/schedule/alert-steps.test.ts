import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { janeAtLumora, lumoraBefore, NO_CACHE } from '../watch/support';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';
import { sender } from '../fixtures/outreach/facts';
import { tempDir } from '../support/temp-dir';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('plan steps after a refresh', () => {
  it('drafts for the leads already imported at a company with new alerts, once, and exports approved drafts to a folder', async () => {
    const fixtures = lumoraBefore();
    harness = await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE, sender } });
    const { services } = harness;
    let time = new Date('2026-03-02T08:00:00Z').getTime();
    const now = () => new Date(time);
    const folder = path.join(tempDir(), 'outbox');
    const watches = watchServiceFor(services, now);
    watches.add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
    const scheduler = schedulerFor(services, 'app:1', { now });
    scheduler.add({
      name: 'morning',
      trigger: { everyHours: 1 },
      steps: ['refresh-watches', 'draft-alerts', { step: 'export-drafts', folder }],
    });

    const [baseline] = await scheduler.runDue();
    expect(baseline!.summary).toMatchObject({ alerts: 0, leads: 0, drafted: 0, draftsExported: 0 });
    const lumora = watches.find('Lumora Analytics').companyId!;
    const elsewhere = insertCompany(services.db, 'Beta GmbH', 'beta.example');
    const { leadIds } = seedImport(services.db, [
      janeAtLumora(lumora),
      {
        firstName: 'Zoë',
        lastName: 'Müller',
        email: 'zoe@beta.example',
        title: 'Data Analyst',
        company: 'Beta GmbH',
        companyId: elsewhere,
      },
    ]);

    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    time += 24 * 3_600_000;
    const [found] = await scheduler.runDue();
    expect(found).toMatchObject({ status: 'completed', summary: { leads: 1, drafted: 1, draftsExported: 0 } });
    expect(found!.summary!.alerts).toBeGreaterThan(0);
    const drafts = services.outreach.list();
    expect(drafts.map((d) => d.leadId)).toEqual([leadIds[0]]);

    services.outreach.approve([drafts[0]!.id]);
    time += 3_600_000;
    const [next] = await scheduler.runDue();
    // The alerts were drafted for already: no second draft, and the approved one is written out.
    expect(next!.steps.map((s) => [s.step, s.counts])).toEqual([
      ['refresh-watches', expect.objectContaining({ watchesRefreshed: 0 })],
      ['draft-alerts', { alerts: 0, leads: 0, drafted: 0, skipped: 0, heldBack: 0 }],
      [`export-drafts=${folder}`, { draftsExported: 1 }],
    ]);
    const [file] = fs.readdirSync(folder);
    expect(fs.readFileSync(path.join(folder, file!), 'utf8')).toMatch(/^To: .*jane@lumora\.example/m);
  });

  it('enriches an import’s companies in a job worker, and a later run looks none of them up again', async () => {
    harness = await intelHarness({ fixtures: loadTavilyFixtures('lumora') });
    const { services } = harness;
    const { importId } = seedImport(services.db, [
      {
        firstName: 'Jane',
        lastName: 'Doe',
        email: 'jane@lumora.example',
        title: 'VP of Sales',
        company: 'Lumora Analytics',
      },
    ]);
    let time = new Date('2026-03-02T08:00:00Z').getTime();
    const scheduler = schedulerFor(services, 'app:1', { now: () => new Date(time) });
    scheduler.add({ name: 'enrich', trigger: { everyHours: 1 }, steps: [{ step: 'enrich-import', importId }] });

    expect(await scheduler.runDue()).toMatchObject([
      { status: 'completed', summary: { companies: 1, companiesDone: 1, companiesFailed: 0, companiesPending: 0 } },
    ]);
    const searches = harness.tavily.requests.length;
    expect(searches).toBeGreaterThan(0);
    time += 3_600_000;
    expect(await scheduler.runDue()).toMatchObject([{ status: 'completed', summary: { companiesDone: 1 } }]);
    expect(harness.tavily.requests).toHaveLength(searches);
  });
});
