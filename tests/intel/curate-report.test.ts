import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from './support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import type { CompanyReport, ProfileEntry } from '../../src/core/intel/domain';
import { withoutProfile } from '../../src/core/intel/profile';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

type Curated = { report: CompanyReport; entries: ProfileEntry[] };

async function curate(handlers: ReturnType<typeof createHandlers>, request: unknown): Promise<Curated> {
  const result = await dispatch(handlers, 'intel:curate', request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as Curated;
}

const marcus = (report: CompanyReport) => report.executives.find((e) => e.name === 'Marcus Lindqvist');
const curatedFacts = (report: CompanyReport) => report.facts.filter((f) => f.source.url.startsWith('profile:'));

describe('curating a stored report (intel:curate)', () => {
  it('adds, edits and removes entries, each shown in the stored report at once and undone exactly', async () => {
    harness = await intelHarness();
    const handlers = createHandlers(harness.services);
    const found = await harness.services.intel.lookup('Lumora Analytics');
    const runId = found.run.id;
    const calls = found.run.providerCalls;
    expect(marcus(found)).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });
    expect(found.overview.headquarters.length).toBeGreaterThan(0);

    const added = await curate(handlers, {
      action: 'add',
      runId,
      entry: { kind: 'executive', value: 'Marcus Lindqvist', title: 'Chief Operating Officer', note: 'Call, 3 March' },
    });
    expect(marcus(added.report)).toMatchObject({ title: 'Chief Operating Officer', origin: 'profile' });
    expect(added.entries).toEqual([expect.objectContaining({ value: 'Marcus Lindqvist', note: 'Call, 3 March' })]);
    const entryId = added.entries[0]!.id;
    expect(added.report.sources.find((s) => s.url === `profile:${entryId}`)).toMatchObject({ provider: 'analyst' });
    expect(curatedFacts(added.report)).toEqual([
      expect.objectContaining({ evidence: 'Call, 3 March', id: expect.any(Number) }),
    ]);
    // No provider was called: the run's counts are those of the lookup.
    expect(added.report.run.providerCalls).toBe(calls);

    const hq = await curate(handlers, {
      action: 'add',
      runId,
      entry: { kind: 'headquarters', value: 'Denver, Colorado' },
    });
    expect(hq.report.overview.headquarters).toEqual([
      { value: 'Denver, Colorado', sources: [expect.stringMatching(/^profile:/)] },
    ]);
    // The Companies screen's column follows the stored report.
    expect(harness.services.companies.list({})).toEqual([
      expect.objectContaining({ name: 'Lumora Analytics', headquarters: 'Denver, Colorado' }),
    ]);

    const edited = await curate(handlers, {
      action: 'edit',
      runId,
      id: entryId,
      entry: { kind: 'executive', value: 'Marcus Lindqvist', title: 'President', note: 'Press release' },
    });
    expect(marcus(edited.report)).toMatchObject({ title: 'President', origin: 'profile' });
    expect(curatedFacts(edited.report)).toHaveLength(2);
    // What is stored is what the screen shows.
    expect(harness.services.intel.report(runId)!.executives).toEqual(edited.report.executives);

    // A rerun step keeps the profile merged once, over what the step found again.
    const rerun = await harness.services.intel.rerunStep(runId, 'executives');
    expect(marcus(rerun)).toMatchObject({ title: 'President', origin: 'profile' });
    expect(curatedFacts(rerun)).toHaveLength(2);

    const removed = await curate(handlers, { action: 'remove', runId, id: entryId });
    expect(marcus(removed.report)).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });
    expect(marcus(removed.report)!.sources.some((s) => s.startsWith('profile:'))).toBe(false);
    const hqId = removed.entries[0]!.id;
    const none = await curate(handlers, { action: 'remove', runId, id: hqId });
    expect(none.entries).toEqual([]);
    expect(none.report.overview).toEqual(found.overview);
    expect(none.report.executives).toEqual(found.executives);
    expect(none.report.sources.some((s) => s.url.startsWith('profile:'))).toBe(false);
  });

  it('refuses entries of another company, duplicates by edit, bad input and reports without a company', async () => {
    harness = await intelHarness();
    const handlers = createHandlers(harness.services);
    const { run } = await harness.services.intel.lookup('Lumora Analytics');
    const other = harness.services.profiles.add({ company: 'Acme Rockets', kind: 'founded', value: '1999' });
    for (const request of [
      { action: 'remove', runId: run.id, id: other.id },
      { action: 'edit', runId: run.id, id: other.id, entry: { kind: 'founded', value: '2001' } },
    ])
      expect(await dispatch(handlers, 'intel:curate', request)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    expect(harness.services.profiles.list('Acme Rockets')).toEqual([other]);

    const { entries } = await curate(handlers, {
      action: 'add',
      runId: run.id,
      entry: { kind: 'industry', value: 'Analytics' },
    });
    await curate(handlers, { action: 'add', runId: run.id, entry: { kind: 'founded', value: '2017' } });
    expect(
      await dispatch(handlers, 'intel:curate', {
        action: 'edit',
        runId: run.id,
        id: entries[0]!.id,
        entry: { kind: 'founded', value: '2018' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'profile_conflict', message: expect.stringMatching(/founded.*entry \d+/) },
    });

    const noTitle = await dispatch(handlers, 'intel:curate', {
      action: 'add',
      runId: run.id,
      entry: { kind: 'executive', value: 'Ann Lee' },
    });
    expect(noTitle).toMatchObject({ ok: false, error: { message: expect.stringMatching(/title/) } });
    expect(
      await dispatch(handlers, 'intel:curate', { action: 'add', runId: 9999, entry: { kind: 'founded', value: '1' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(harness.services.profiles.list('Lumora Analytics')).toHaveLength(2);
  });
});

describe('withoutProfile on a report stored before the found sections were kept', () => {
  it('drops what only the profile said and keeps what a source also said, with its sources', () => {
    const report = {
      executives: [
        {
          name: 'Ann Lee',
          title: 'CEO',
          function: 'executive',
          seniority: 'c_level',
          sources: ['profile:1'],
          origin: 'profile',
        },
        {
          name: 'Bo Chen',
          title: 'COO',
          function: 'operations',
          seniority: 'c_level',
          sources: ['profile:2', 'https://a'],
          origin: 'profile',
        },
      ],
      overview: {
        description: [],
        industry: [{ value: 'Retail', sources: ['profile:3'] }],
        headquarters: [{ value: 'Oslo', sources: ['profile:4', 'https://b'] }],
        founded: [],
        employees: [],
        products: [],
      },
      notFound: ['overview.founded'],
    } as unknown as CompanyReport;
    const found = withoutProfile(report);
    expect(found.executives).toEqual([
      expect.objectContaining({ name: 'Bo Chen', sources: ['https://a'], origin: 'found' }),
    ]);
    expect(found.overview.industry).toEqual([]);
    expect(found.overview.headquarters).toEqual([{ value: 'Oslo', sources: ['https://b'] }]);
    expect(found.notFound).toEqual(['overview.founded', 'overview.industry']);
    // The stored report is not changed.
    expect(report.executives).toHaveLength(2);
  });
});
