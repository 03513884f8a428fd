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
  it('answers the ids of every company the filter matches, not a page, with their count', async () => {
    services = testServices();
    const names = ['Acme Rockets', 'Acme Foods', 'Globex', 'Acme Labs'];
    const ids = names.map((company) => services!.profiles.add({ company, kind: 'founded', value: '2001' }).companyId);
    const handlers = createHandlers(services);
    expect(await dispatch(handlers, 'companies:ids', { filter: { search: 'acme' } })).toEqual({
      ok: true,
      data: { ids: [ids[0], ids[1], ids[3]], total: 3 },
    });
    expect(await dispatch(handlers, 'companies:ids', {})).toMatchObject({ ok: true, data: { total: 4 } });
    expect(services.companies.ids({ filter: { search: 'acme' } }, 2)).toEqual([ids[0], ids[1]]);
    expect(await dispatch(handlers, 'companies:ids', { filter: { employeesMin: -1 } })).toMatchObject({ ok: false });
  });
});
