import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from './support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { tempDir } from '../support/temp-dir';
import fs from 'node:fs';
import path from 'node:path';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('intel IPC channels', () => {
  it('looks up with progress events, then lists, reads and exports the report', async () => {
    harness = await intelHarness();
    const handlers = createHandlers(harness.services);
    const events: { event: string; payload: unknown }[] = [];
    const lookup = await dispatch(
      handlers,
      'intel:lookup',
      { query: 'Lumora Analytics', lookupId: 'l1' },
      { emit: (event, payload) => events.push({ event, payload }) },
    );
    expect(lookup.ok).toBe(true);
    expect(
      events.filter((e) => e.event === 'intel:progress').map((e) => (e.payload as { component: string }).component),
    ).toEqual(expect.arrayContaining(['identity', 'overview', 'executives']));
    const recent = await dispatch(handlers, 'intel:recentCompanies', {});
    expect(recent).toMatchObject({ ok: true, data: [{ name: 'Lumora Analytics' }] });
    const runs = await dispatch(handlers, 'intel:runs', {});
    const runId = runs.ok ? (runs.data as { id: number }[])[0]!.id : 0;
    const exported = await dispatch(handlers, 'intel:exportMarkdown', { runId });
    expect(exported.ok && (exported.data as { markdown: string }).markdown).toMatch(/## Sources\n1\. /);
    const missing = await dispatch(handlers, 'intel:exportMarkdown', { runId: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('merges intel:profileAdd and intel:profileRemove into the latest stored report at once', async () => {
    harness = await intelHarness();
    const handlers = createHandlers(harness.services);
    const found = await harness.services.intel.lookup('Lumora Analytics');
    const marcus = () =>
      harness!.services.intel.latestReport(found.companyId!)!.executives.find((e) => e.name === 'Marcus Lindqvist');
    expect(marcus()).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });

    const added = await dispatch(handlers, 'intel:profileAdd', {
      company: 'lumora.io',
      kind: 'executive',
      value: 'Marcus Lindqvist',
      title: 'Chief Operating Officer',
    });
    expect(added).toMatchObject({ ok: true, data: { value: 'Marcus Lindqvist', recuratedRunId: found.run.id } });
    expect(marcus()).toMatchObject({ title: 'Chief Operating Officer', origin: 'profile' });
    // No provider call: the stored run's counts are the lookup's.
    expect(harness.services.intel.latestReport(found.companyId!)!.run.providerCalls).toBe(found.run.providerCalls);

    const id = (added.ok && (added.data as { id: number }).id) as number;
    expect(await dispatch(handlers, 'intel:profileRemove', { id })).toEqual({
      ok: true,
      data: { removed: true, recuratedRunId: found.run.id },
    });
    expect(marcus()).toMatchObject({ title: 'Chief Financial Officer', origin: 'found' });
    expect(await dispatch(handlers, 'intel:profileRemove', { id })).toEqual({
      ok: true,
      data: { removed: false, recuratedRunId: null },
    });

    // A company never looked up has no report to merge into.
    expect(
      await dispatch(handlers, 'intel:profileAdd', { company: 'Quillon Dynamics', kind: 'founded', value: '1999' }),
    ).toMatchObject({ ok: true, data: { value: '1999', recuratedRunId: null } });
  });

  it('indexes and searches the research library', async () => {
    harness = await intelHarness();
    const handlers = createHandlers(harness.services);
    expect(await dispatch(handlers, 'intel:libraryIndex', {})).toMatchObject({
      ok: false,
      error: { code: 'no_research_folder' },
    });
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Lumora notes\nLumora Analytics asked for a pilot quote.');
    harness.services.settings.update({ researchFolder: folder } as never);
    expect(await dispatch(handlers, 'intel:libraryIndex', {})).toMatchObject({
      ok: true,
      data: { folder, added: 1, updated: 0, removed: 0, unchanged: 0 },
    });
    expect(await dispatch(handlers, 'intel:librarySearch', { query: 'Lumora pilot' })).toMatchObject({
      ok: true,
      data: [{ title: 'Lumora notes', url: expect.stringMatching(/^file:/) }],
    });
    expect(await dispatch(handlers, 'intel:librarySearch', { query: ' ' })).toMatchObject({ ok: false });
  });
});
