import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyRow } from '../../src/core/companies/company-schemas';
import type { BatchSummary } from '../../src/core/enrichment/batch-store';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { FileTokens } from '../../src/core/ipc/file-tokens';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { companyFixtures, waitFor } from '../enrichment/support';
import { intelHarness } from '../intel/support';
import { tempDir } from '../support/temp-dir';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('companies over IPC', () => {
  it('imports a list from a picked file, pages and counts it, and refreshes a selection through the enrichment runner', async () => {
    const names = ['Northwind Traders', 'Contoso Labs', 'Fabrikam Works'];
    harness = await intelHarness({
      fixtures: companyFixtures(names),
      settings: { rateLimits: { tavily: { requestsPerMinute: 6000, burst: 5 } } } as SettingsPatch,
    });
    const { services } = harness;
    const files = new FileTokens();
    const handlers = createHandlers(services, files);
    const events: { event: string; payload: unknown }[] = [];
    const call = async <T>(channel: string, request: unknown): Promise<T> => {
      const result = await dispatch(handlers, channel, request, {
        emit: (event, payload) => events.push({ event, payload }),
      });
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.data as T;
    };

    const file = path.join(tempDir(), 'accounts.csv');
    fs.writeFileSync(file, `Company\n${names.join('\n')}\n`);
    expect(await call('companies:import', { file: files.issue(file, 'open').token })).toMatchObject({
      imported: 3,
      rejected: 0,
    });
    const { rows } = await call<{ rows: CompanyRow[] }>('companies:list', {
      limit: 2,
      sort: { column: 'name', direction: 'desc' },
    });
    expect(rows.map((r) => r.name)).toEqual(['Northwind Traders', 'Fabrikam Works']);
    expect(await call('companies:count', { filter: { refreshedBefore: '2000-01-01' } })).toEqual({ total: 3 });

    // A request the contract does not allow never reaches the queries.
    const refused = await dispatch(handlers, 'companies:list', { sort: { column: 'report' } }, {});
    expect(refused.ok).toBe(false);

    const chosen = rows.map((r) => r.id);
    const started = await call<BatchSummary>('enrichment:start', { companyIds: chosen, workflow: 'standard' });
    expect(started).toMatchObject({ companiesTotal: 2, importId: null });
    await waitFor(() => events.some((e) => e.event === 'enrichment:finished'));
    expect(events.find((e) => e.event === 'enrichment:finished')!.payload).toMatchObject({
      status: 'completed',
      companiesDone: 2,
    });
    // The two looked up now show their report's columns and when it was stored; the third was left alone.
    const after = (await call<{ rows: CompanyRow[] }>('companies:list', { sort: { column: 'name', direction: 'asc' } }))
      .rows;
    expect(after.map((r) => [r.name, r.refreshedAt !== null])).toEqual([
      ['Contoso Labs', false],
      ['Fabrikam Works', true],
      ['Northwind Traders', true],
    ]);
    expect(after.find((r) => r.name === 'Fabrikam Works')!.headquarters).toMatch(/Austin/);
    expect(await call('companies:count', { filter: { refreshedBefore: '2000-01-01' } })).toEqual({ total: 1 });
  }, 60_000);
});
