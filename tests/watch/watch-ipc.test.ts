import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from './support';

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
    expect(await dispatch(handlers, 'watch:add', { query: 'Lumora Analytics', every: '5m' })).toMatchObject({ ok: false, error: { code: 'invalid_interval' } });
    expect(await dispatch(handlers, 'watch:add', { query: 'Lumora Analytics', workflow: 'comprehensive', every: '12h' })).toMatchObject({ ok: true, data: { query: 'Lumora Analytics', everyMinutes: 720 } });
    expect(await dispatch(handlers, 'watch:list', {})).toMatchObject({ ok: true, data: [{ query: 'Lumora Analytics', workflow: 'comprehensive' }] });

    const watches = watchServiceFor(harness.services);
    await watches.refreshDue();
    fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
    await watches.refresh(watches.find('Lumora Analytics'));

    const unread = await dispatch(handlers, 'alerts:unreadCount', {});
    const count = unread.ok ? (unread.data as { count: number }).count : 0;
    expect(count).toBeGreaterThan(0);
    const moves = await dispatch(handlers, 'alerts:list', { kind: 'headquarters_changed' });
    expect(moves).toMatchObject({ ok: true, data: [{ companyName: 'Lumora Analytics', summary: 'Headquarters: Denver, Colorado -> Austin, Texas', readAt: null }] });
    const id = moves.ok ? (moves.data as { id: number }[])[0]!.id : 0;
    expect(await dispatch(handlers, 'alerts:markRead', { ids: [id] })).toMatchObject({ ok: true, data: { marked: 1 } });
    expect(await dispatch(handlers, 'alerts:unreadCount', {})).toMatchObject({ ok: true, data: { count: count - 1 } });
    expect(await dispatch(handlers, 'alerts:markRead', { ids: 'all' })).toMatchObject({ ok: true, data: { marked: count - 1 } });
    expect(await dispatch(handlers, 'alerts:list', { unread: true })).toMatchObject({ ok: true, data: [] });

    expect(await dispatch(handlers, 'watch:remove', { query: 'Lumora Analytics' })).toMatchObject({ ok: true, data: { removed: true } });
    expect(await dispatch(handlers, 'watch:remove', { query: 'Lumora Analytics' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
