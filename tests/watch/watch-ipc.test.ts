import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { janeAtLumora, lumoraBefore, NO_CACHE } from './support';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';
import { sender } from '../fixtures/outreach/facts';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('watch and alerts IPC channels', () => {
  it('watches a company, lists its alerts with a filter, counts the unread and marks them read', async () => {
    const fixtures = lumoraBefore();
    harness = await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE } });
    const handlers = createHandlers(harness.services);
    expect(await dispatch(handlers, 'watch:add', { query: 'Lumora Analytics', every: '5m' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_interval' },
    });
    expect(
      await dispatch(handlers, 'watch:add', { query: 'Lumora Analytics', workflow: 'comprehensive', every: '12h' }),
    ).toMatchObject({ ok: true, data: { query: 'Lumora Analytics', everyMinutes: 720 } });
    expect(await dispatch(handlers, 'watch:list', {})).toMatchObject({
      ok: true,
      data: [{ query: 'Lumora Analytics', workflow: 'comprehensive' }],
    });

    const watches = watchServiceFor(harness.services);
    await watches.refreshDue();
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    await watches.refresh(watches.find('Lumora Analytics'));

    const unread = await dispatch(handlers, 'alerts:unreadCount', {});
    const count = unread.ok ? (unread.data as { count: number }).count : 0;
    expect(count).toBeGreaterThan(0);
    const moves = await dispatch(handlers, 'alerts:list', { kind: 'headquarters_changed' });
    expect(moves).toMatchObject({
      ok: true,
      data: [
        { companyName: 'Lumora Analytics', summary: 'Headquarters: Denver, Colorado -> Austin, Texas', readAt: null },
      ],
    });
    const id = moves.ok ? (moves.data as { id: number }[])[0]!.id : 0;
    expect(await dispatch(handlers, 'alerts:markRead', { ids: [id] })).toMatchObject({ ok: true, data: { marked: 1 } });
    expect(await dispatch(handlers, 'alerts:unreadCount', {})).toMatchObject({ ok: true, data: { count: count - 1 } });
    expect(await dispatch(handlers, 'alerts:markRead', { ids: 'all' })).toMatchObject({
      ok: true,
      data: { marked: count - 1 },
    });
    expect(await dispatch(handlers, 'alerts:list', { unread: true })).toMatchObject({ ok: true, data: [] });

    expect(await dispatch(handlers, 'watch:remove', { query: 'Lumora Analytics' })).toMatchObject({
      ok: true,
      data: { removed: 1 },
    });
    expect(await dispatch(handlers, 'watch:remove', { query: 'Lumora Analytics' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('drafts from an alert for the leads already imported at its company, and says so when there are none', async () => {
    harness = await intelHarness({ fixtures: loadTavilyFixtures('lumora'), settings: { sender } });
    const handlers = createHandlers(harness.services);
    const watches = watchServiceFor(harness.services);
    watches.add('Lumora Analytics');
    await watches.refreshDue();
    const lumora = watches.find('Lumora Analytics').companyId!;
    expect(await dispatch(handlers, 'alerts:draftForCompany', { companyId: lumora })).toMatchObject({
      ok: false,
      error: { code: 'no_leads', message: expect.stringMatching(/No leads are imported for this company/) },
    });

    const other = insertCompany(harness.services.db, 'Beta GmbH', 'beta.example');
    seedImport(harness.services.db, [
      janeAtLumora(lumora),
      {
        firstName: 'Ravi',
        lastName: 'Shah',
        email: 'ravi@lumora.example',
        title: 'Head of Data',
        company: 'Lumora Analytics',
        companyId: lumora,
      },
      {
        firstName: 'Zoë',
        lastName: 'Müller',
        email: 'zoe@beta.example',
        title: 'Data Analyst',
        company: 'Beta GmbH',
        companyId: other,
      },
    ]);
    expect(await dispatch(handlers, 'alerts:draftForCompany', { companyId: lumora })).toMatchObject({
      ok: true,
      data: { leads: 2, drafted: 2, skipped: 0 },
    });
    expect(await dispatch(handlers, 'alerts:draftForCompany', { companyId: lumora })).toMatchObject({
      ok: true,
      data: { leads: 2, drafted: 0, skipped: 2 },
    });
    expect(
      harness.services.outreach
        .list()
        .map((d) => d.to)
        .sort(),
    ).toEqual(['jane@lumora.example', 'ravi@lumora.example']);
  });
});
