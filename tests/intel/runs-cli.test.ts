import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';
import { testServices } from '../support/services';

describe('crm-intel runs', () => {
  it('lists lookups and shows one with its steps and report', async () => {
    const server = await startFakeTavily({
      fixtures: loadTavilyFixtures('lumora'),
      faults: [{ match: 'leadership', status: 503, times: 1, body: { detail: { error: 'down' } } }],
    });
    try {
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const dataDir = tempDir();
      const services = testServices({ dataDir });
      services.settings.update({ intel: { retries: 0 } } as never);
      services.close();
      expect((await runCli(['runs', 'list', '--data-dir', dataDir], env)).stdout).toMatch(/No lookups yet/);
      await runCli(['lookup', 'Lumora Analytics', '--data-dir', dataDir], env);
      await runCli(['lookup', 'Lumora Analytics', '--data-dir', dataDir], env);

      const list = await runCli(['runs', 'list', '--json', '--data-dir', dataDir], env);
      const runs = JSON.parse(list.stdout) as {
        id: number;
        status: string;
        providerCalls: number;
        cacheHits: number;
      }[];
      expect(runs.map((r) => r.status)).toEqual(['completed', 'partial']);
      // Identity's search and overview's two come from the cache; the executives step, failed before, sends its three searches again.
      expect(runs[0]).toMatchObject({ providerCalls: 3, cacheHits: 3 });

      const shown = await runCli(['runs', 'show', String(runs[1]!.id), '--data-dir', dataDir], env);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/partial/);
      expect(shown.stdout).toMatch(/executives\s+failed .*server: Tavily answered 503/);
      expect(shown.stdout).toMatch(/# Lumora Analytics/);

      const byCompany = await runCli(['runs', 'list', '--company', 'lumora.io', '--data-dir', dataDir], env);
      expect(byCompany.stdout.trim().split('\n')).toHaveLength(2);
      const missing = await runCli(['runs', 'show', '999', '--data-dir', dataDir], env);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/no run 999/);
      expect((await runCli(['runs', 'show', 'abc', '--data-dir', dataDir], env)).stderr).toMatch(/not a run id/);
    } finally {
      await server.close();
    }
  });
});
