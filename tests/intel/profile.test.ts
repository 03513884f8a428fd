import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from './support';
import { runCli } from '../support/run-cli';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';
import { testServices } from '../support/services';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('analyst-curated company profiles', () => {
  it('win on conflict, add decision makers no source names, and cite the analyst with a date', async () => {
    harness = await intelHarness();
    const { intel, profiles } = harness.services;
    await intel.lookup('Lumora Analytics');
    const title = profiles.add({
      company: 'lumora.io',
      kind: 'executive',
      value: 'Marcus Lindqvist',
      title: 'Chief Operating Officer',
      note: 'Told us on the 3 March call',
      curator: 'dana',
    });
    profiles.add({
      company: 'Lumora Analytics',
      kind: 'executive',
      value: 'Rosa Mendel',
      title: 'Head of Procurement',
      curator: 'dana',
    });
    profiles.add({ company: 'Lumora Analytics', kind: 'headquarters', value: 'Denver, Colorado', curator: 'dana' });

    const report = await intel.lookup('Lumora Analytics');
    const marcus = report.executives.find((e) => e.name === 'Marcus Lindqvist')!;
    expect(marcus).toMatchObject({ title: 'Chief Operating Officer', function: 'operations', origin: 'profile' });
    expect(marcus.sources[0]).toBe(`profile:${title.id}`);
    expect(marcus.sources.slice(1)).toEqual(expect.arrayContaining([expect.stringMatching(/^https:/)]));
    expect(report.executives.find((e) => e.name === 'Rosa Mendel')).toMatchObject({
      origin: 'profile',
      seniority: 'head',
    });
    expect(report.executives.find((e) => e.name === 'Jane Okafor')).toMatchObject({ origin: 'found' });
    expect(report.overview.headquarters).toEqual([
      { value: 'Denver, Colorado', sources: [expect.stringMatching(/^profile:/)] },
    ]);

    const curated = report.facts.find((f) => f.source.url === `profile:${title.id}`)!;
    expect(curated).toMatchObject({
      id: expect.any(Number),
      section: 'executives',
      evidence: 'Told us on the 3 March call',
      confidence: 1,
    });
    expect(curated.id).toBeGreaterThan(0);
    expect(curated.source.title).toMatch(/curated by dana/);
    expect(curated.source.publishedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(report.sources.find((s) => s.url === `profile:${title.id}`)).toMatchObject({ provider: 'analyst' });
    // The found, conflicting title stays a sourced fact; only the record shows the curated one.
    expect(
      report.facts.some(
        (f) => f.source.url.startsWith('https:') && (f.value as { title?: string }).title === 'Chief Financial Officer',
      ),
    ).toBe(true);
    // What outreach reads carries the curated facts with their ids.
    expect(intel.latestFacts(report.companyId!, ['executives']).map((f) => f.id)).toContain(curated.id);

    // Re-running one step keeps a single copy of the curated facts.
    const rerun = await intel.rerunStep(report.run.id, 'overview');
    expect(rerun.facts.filter((f) => f.source.url.startsWith('profile:'))).toHaveLength(3);

    // Same executive again replaces the entry; removal stops the override from the next lookup on.
    const replaced = profiles.add({
      company: 'Lumora Analytics',
      kind: 'executive',
      value: 'marcus lindqvist',
      title: 'President',
      curator: 'dana',
    });
    expect(replaced.id).toBe(title.id);
    expect(profiles.list('Lumora Analytics')).toHaveLength(3);
    expect(profiles.remove(title.id)).toBe(true);
    expect(profiles.remove(title.id)).toBe(false);
    const after = await intel.lookup('Lumora Analytics');
    expect(after.executives.find((e) => e.name === 'Marcus Lindqvist')).toMatchObject({
      title: 'Chief Financial Officer',
      origin: 'found',
    });
  });

  it('rejects an executive without a title, and curates through IPC', async () => {
    harness = await intelHarness();
    expect(() => harness!.services.profiles.add({ company: 'Acme', kind: 'executive', value: 'Ann Lee' })).toThrow(
      /title: an executive needs a title/,
    );
    const handlers = createHandlers(harness.services);
    const added = await dispatch(handlers, 'intel:profileAdd', {
      company: 'Acme Rockets',
      kind: 'founded',
      value: '1999',
      curator: 'sam',
    });
    expect(added).toMatchObject({ ok: true, data: { kind: 'founded', value: '1999', curator: 'sam', title: null } });
    const listed = await dispatch(handlers, 'intel:profile', { company: 'Acme Rockets' });
    expect(listed).toMatchObject({ ok: true, data: [{ value: '1999' }] });
    const id = (listed.ok && (listed.data as { id: number }[])[0]!.id) as number;
    expect(await dispatch(handlers, 'intel:profileRemove', { id })).toMatchObject({
      ok: true,
      data: { removed: true },
    });
    expect(
      await dispatch(handlers, 'intel:profileAdd', { company: 'Acme Rockets', kind: 'ceo', value: 'x' }),
    ).toMatchObject({ ok: false });
  });
});

describe('crm-intel profile', () => {
  it('adds, lists and removes curated entries', async () => {
    const dataDir = tempDir();
    const env = { TAVILY_API_KEY: FAKE_TAVILY_KEY };
    const added = await runCli(
      [
        'profile',
        'add',
        'Lumora Analytics',
        '--executive',
        'Rosa Mendel',
        '--title',
        'Head of Procurement',
        '--note',
        'LinkedIn, May 2025',
        '--by',
        'dana',
        '--json',
        '--data-dir',
        dataDir,
      ],
      env,
    );
    expect(added.code).toBe(0);
    const entry = JSON.parse(added.stdout) as { id: number };
    const listed = await runCli(['profile', 'list', 'Lumora Analytics', '--data-dir', dataDir], env);
    expect(listed.stdout).toMatch(
      /executive: Rosa Mendel, Head of Procurement\s+\(curated by dana, \d{4}-\d{2}-\d{2}\)\s+"LinkedIn, May 2025"/,
    );
    const both = await runCli(
      ['profile', 'add', 'Lumora Analytics', '--executive', 'X Y', '--field', 'founded', '--data-dir', dataDir],
      env,
    );
    expect(both.code).not.toBe(0);
    expect(both.stderr).toMatch(/either --executive/);
    expect((await runCli(['profile', 'remove', String(entry.id), '--data-dir', dataDir], env)).code).toBe(0);
    const missing = await runCli(['profile', 'remove', String(entry.id), '--data-dir', dataDir], env);
    expect(missing.stderr).toMatch(new RegExp(`no profile entry ${entry.id}`));
  });

  it('merges an added or removed entry into the latest stored report at once, as the report screen does', async () => {
    const dataDir = tempDir();
    harness = await intelHarness({ dataDir });
    const found = await harness.services.intel.lookup('Lumora Analytics');
    await harness.close();
    harness = undefined;
    const latest = () => {
      const services = testServices({ dataDir });
      try {
        const report = services.intel.latestReport(found.companyId!)!;
        return { report, runs: services.intel.runs().length };
      } finally {
        services.close();
      }
    };
    const marcus = (report: typeof found) => report.executives.find((e) => e.name === 'Marcus Lindqvist');
    expect(marcus(found)).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });

    // No key and no network: curation calls no provider.
    const added = await runCli([
      'profile',
      'add',
      'lumora.io',
      '--executive',
      'Marcus Lindqvist',
      '--title',
      'Chief Operating Officer',
      '--data-dir',
      dataDir,
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout.split('\n')).toEqual([
      expect.stringMatching(/^Curated: .*Marcus Lindqvist, Chief Operating Officer/),
      `Merged into the latest report of Lumora Analytics (run ${found.run.id}).`,
      '',
    ]);
    const curated = latest();
    expect(curated.runs).toBe(1);
    expect(marcus(curated.report)).toMatchObject({ title: 'Chief Operating Officer', origin: 'profile' });
    expect(curated.report.run.providerCalls).toBe(found.run.providerCalls);
    const entryId = Number(
      /^\s*(\d+)\s/m.exec((await runCli(['profile', 'list', 'Lumora Analytics', '--data-dir', dataDir])).stdout)![1],
    );

    const removed = await runCli(['profile', 'remove', String(entryId), '--json', '--data-dir', dataDir]);
    expect(JSON.parse(removed.stdout)).toEqual({ removed: true, recuratedRunId: found.run.id });
    expect(marcus(latest().report)).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });

    const never = await runCli([
      'profile',
      'add',
      'Quillon Dynamics',
      '--field',
      'founded',
      '--value',
      '2011',
      '--data-dir',
      dataDir,
    ]);
    expect(never.stdout).toMatch(/no stored report yet: its first lookup shows this/);
  });
});
