import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../src/core/services/app-services';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import { findSampleData, sampleDataAt } from '../../src/core/setup/sample-data';
import { isSampleLead, SAMPLE_LEAD_SOURCE } from '../../src/core/setup/sample-lead';
import { MemorySecretStore } from '../support/memory-secrets';
import { tempDir } from '../support/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const sample = sampleDataAt(path.join(repoRoot, 'resources/sample-data'));

let services: AppServices | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

/** Real services over a fresh data folder, with no key of any kind: what a newcomer starts with. */
function newcomer(): AppServices {
  const dataDir = tempDir();
  services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: new MemorySecretStore(),
    env: {},
    sampleData: sample,
  });
  return services;
}

describe('the sample data shipped in resources/sample-data', () => {
  it('is found from the command line’s folder, source or built, and says it is sample data in every file', () => {
    expect(findSampleData(path.join(repoRoot, 'src/cli'))).toEqual(sample);
    expect(findSampleData(path.join(repoRoot, 'out/cli/chunks'))).toEqual(sample);
    expect(findSampleData(tempDir())).toBeUndefined();
    const files = fs.readdirSync(sample.root, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) expect(fs.readFileSync(path.join(sample.root, file), 'utf8')).toMatch(/sample data/i);
    // Every address is on a reserved domain: nothing drafted from the sample can reach anyone.
    const emails = fs.readFileSync(sample.leadsFile, 'utf8').match(/[\w.]+@[\w.]+/g) ?? [];
    expect(emails).toHaveLength(6);
    for (const email of emails) expect(email).toMatch(/\.example$/);
  });

  it('with no key: first run says what to do; the sample folder then answers a sourced lookup', async () => {
    const app = newcomer();
    const before = await app.setup.state('app');
    expect(before).toMatchObject({ needsSetup: true, searchKey: false, sample: { available: true, inUse: false } });
    expect(before.message).toMatch(/^Nothing can be searched yet: there is no Tavily key and no research folder\./);
    expect(before.message).toMatch(/Use the sample data.*Settings > API keys.*research folder under Settings/);
    await expect(app.intel.lookup('Fernhollow Robotics')).rejects.toMatchObject({
      code: 'no_search_provider',
      message: expect.stringMatching(/Nothing can be searched yet.*crm-intel sample use/),
    });

    const used = await app.setup.useSample();
    expect(used).toMatchObject({
      label: expect.stringMatching(/^Sample data: Fernhollow Robotics .*fictional/),
      researchFolder: sample.researchFolder,
      indexed: { added: 3, warnings: [] },
    });
    expect(await app.setup.state('app')).toMatchObject({ needsSetup: false, message: null, sample: { inUse: true } });

    app.settings.update({ intel: { ...app.settings.read().intel, extraction: 'deterministic' } });
    const report = await app.intel.lookup('Fernhollow Robotics', { workflow: 'comprehensive' });
    expect(report.run.providerCalls).toBe(0);
    expect(report.overview.headquarters.map((v) => v.value)).toContain('Leeds, United Kingdom');
    expect(report.executives.map((e) => e.name)).toEqual(expect.arrayContaining(['Ada Okafor', 'Tomas Lindqvist']));
    expect(report.funding).toEqual([expect.objectContaining({ round: 'Series A' })]);
    // Both news documents make dated news items; the library once served them as snippets cut mid-sentence,
    // which the news step, reading whole sentences only, could not use.
    expect(report.news.map((n) => [n.date, n.trigger, n.title])).toEqual(
      expect.arrayContaining([
        ['2026-10-02', 'funding', 'Fernhollow Robotics raises $18 million Series A (sample data)'],
        [
          '2026-11-18',
          expect.any(String),
          'Fernhollow Robotics starts greenhouse pilot with Kestrel Lane Foods (sample data)',
        ],
      ]),
    );
    // Whole sentences, read without their dateline ("LEEDS, England, ... –").
    for (const item of report.news) expect(item.summary).toMatch(/^Fernhollow Robotics\b.*\.$/);
    expect(report.sources.length).toBeGreaterThan(0);
    for (const source of report.sources) {
      expect(source.provider).toBe('library');
      expect(decodeURIComponent(source.url)).toContain(`${path.sep}sample-data${path.sep}research${path.sep}`);
    }
  });

  it('with no key: the sample lead file imports whole, and each lead gets a template draft', async () => {
    const app = newcomer();
    await app.setup.useSample();
    const summary = await app.leads.startImport({ file: sample.leadsFile });
    expect(summary).toMatchObject({ rowsTotal: 6, imported: 6, duplicates: 0, rejected: 0, errors: [] });
    const { rows } = app.leads.listLeads({ limit: 10 });
    expect(rows.map((row) => row.company).sort()).toEqual([
      ...Array(4).fill('Fernhollow Robotics'),
      ...Array(2).fill('Kestrel Lane Foods'),
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ source: SAMPLE_LEAD_SOURCE, notes: expect.stringMatching(/^Sample data/) });
      // What the app's "Sample" badge reads: the stored source, not the name.
      expect(isSampleLead(row)).toBe(true);
    }

    app.settings.update({
      sender: {
        name: 'Sam Sender',
        company: 'Acme Sample Tools',
        valueProposition: 'We help growers plan harvest labour.',
      },
    });
    const drafted = await app.outreach.draftImport(summary.importId!);
    expect(drafted.drafted + drafted.heldBack.length).toBe(6);
    expect(drafted.drafted).toBeGreaterThan(0);
    const drafts = app.outreach.list({ importId: summary.importId! });
    for (const draft of drafts) {
      // A draft carries its lead's source, so the Drafts screen labels a sample lead's draft too.
      expect(draft.leadSource).toBe(SAMPLE_LEAD_SOURCE);
      expect(draft.body).toContain('Sam Sender');
      expect(draft.body).not.toMatch(/\{\{|undefined|null/);
    }
  });
});
