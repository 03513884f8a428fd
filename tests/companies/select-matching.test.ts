import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { testServices } from '../support/services';

let services: ReturnType<typeof testServices> | undefined;
afterEach(() => {
  services?.close();
  services = undefined;
});

describe('companies:ids (select all matching)', () => {
  it('answers every company the filter matches (id and name), not a page, with their count', async () => {
    services = testServices();
    const names = ['Acme Rockets', 'Acme Foods', 'Globex', 'Acme Labs'];
    const ids = names.map((company) => services!.profiles.add({ company, kind: 'founded', value: '2001' }).companyId);
    const handlers = createHandlers(services);
    expect(await dispatch(handlers, 'companies:ids', { filter: { search: 'acme' } })).toEqual({
      ok: true,
      data: {
        companies: [
          { id: ids[0], name: 'Acme Rockets' },
          { id: ids[1], name: 'Acme Foods' },
          { id: ids[3], name: 'Acme Labs' },
        ],
        total: 3,
      },
    });
    expect(await dispatch(handlers, 'companies:ids', {})).toMatchObject({ ok: true, data: { total: 4 } });
    expect(services.companies.ids({ filter: { search: 'acme' } }, 2).map((c) => c.id)).toEqual([ids[0], ids[1]]);
    expect(await dispatch(handlers, 'companies:ids', { filter: { employeesMin: -1 } })).toMatchObject({ ok: false });
  });
});

describe('watching from the Companies screen', () => {
  it('shows a company watched by its stored name as watched at once, before its first refresh', async () => {
    services = testServices();
    for (const company of ['Acme Rockets', 'Globex'])
      services.profiles.add({ company, kind: 'founded', value: '2001' });
    const handlers = createHandlers(services);
    // Typed with other case and punctuation, as the name key matches it.
    expect(await dispatch(handlers, 'watch:add', { query: 'acme  rockets!', every: '1w' })).toMatchObject({
      ok: true,
      data: { companyId: expect.any(Number) },
    });
    const watched = await dispatch(handlers, 'companies:list', { filter: { watched: true } });
    expect(watched).toMatchObject({ ok: true, data: { rows: [{ name: 'Acme Rockets', watched: true }] } });
    expect(watched.ok && (watched.data as { rows: unknown[] }).rows).toHaveLength(1);
    // Imports key a company without its legal suffix: the watch finds it by that key too.
    expect(await dispatch(handlers, 'watch:add', { query: 'Globex Corporation' })).toMatchObject({
      ok: true,
      data: { companyId: services.companies.ids({ filter: { search: 'globex' } }, 1)[0]!.id },
    });
    // A name no company is stored under is watched unlinked: its first refresh finds the company.
    expect(await dispatch(handlers, 'watch:add', { query: 'Initech' })).toMatchObject({
      ok: true,
      data: { companyId: null },
    });
  });
});

describe('stopping watches from the Companies screen', () => {
  it('removes the watches of the ticked companies in one call, keeps the others, and checks the request', async () => {
    services = testServices();
    const ids = ['Acme Rockets', 'Globex', 'Initech'].map(
      (company) => services!.profiles.add({ company, kind: 'founded', value: '2001' }).companyId,
    );
    const handlers = createHandlers(services);
    for (const query of ['Acme Rockets', 'Globex', 'Initech']) await dispatch(handlers, 'watch:add', { query });
    const watchedNames = async () => {
      const list = await dispatch(handlers, 'companies:list', { filter: { watched: true } });
      return list.ok ? (list.data as { rows: { name: string }[] }).rows.map((r) => r.name).sort() : list;
    };
    expect(await watchedNames()).toEqual(['Acme Rockets', 'Globex', 'Initech']);

    // Globex and a company not watched at all: one watch goes.
    const unwatched = services.profiles.add({ company: 'Umbrella', kind: 'founded', value: '1990' }).companyId;
    expect(await dispatch(handlers, 'watch:remove', { companyIds: [ids[1]!, unwatched] })).toEqual({
      ok: true,
      data: { removed: 1 },
    });
    expect(await watchedNames()).toEqual(['Acme Rockets', 'Initech']);
    expect(await dispatch(handlers, 'watch:remove', { companyIds: [ids[0]!, ids[2]!] })).toEqual({
      ok: true,
      data: { removed: 2 },
    });
    expect(await watchedNames()).toEqual([]);

    for (const bad of [{ companyIds: [] }, { companyIds: [0] }, { companyIds: ['1'] }, {}])
      expect(await dispatch(handlers, 'watch:remove', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
  });
});
