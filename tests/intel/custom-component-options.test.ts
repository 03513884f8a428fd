import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';

const pricing = {
  name: 'pricing',
  queries: ['{company} pricing plans'],
  fields: [{ name: 'plan', pattern: '(\\w+) plan' }],
};

interface SearchBody {
  query: string;
  max_results?: number;
  search_depth?: string;
}

describe("a custom component's options (components.<name>)", () => {
  it('are filled in when the component is added, tune its searches and cache, switch it off, and go with it', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const dir = tempDir();
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const args = ['--data-dir', path.join(dir, 'data')];
      const cli = async (...words: string[]) => {
        const result = await runCli([...words, ...args], env);
        expect(result.code, result.stderr).toBe(0);
        return result.stdout;
      };
      await cli('settings', 'set', 'intel.customComponents', JSON.stringify([pricing]));
      expect(JSON.parse(await cli('--json', 'settings', 'show', 'components.pricing'))).toEqual({
        enabled: true,
        searchDepth: null,
        maxResults: null,
        cacheTtlHours: null,
      });

      await cli('settings', 'set', 'components.pricing.maxResults', '3');
      await cli('settings', 'set', 'components.pricing.searchDepth', 'advanced');
      await cli('settings', 'set', 'components.pricing.cacheTtlHours', '0');
      const pricingSearches = () =>
        server
          .searches()
          .map((r) => r.body as SearchBody)
          .filter((body) => body.query.includes('pricing plans'));
      const overviewSearches = () => server.searches().length - pricingSearches().length;
      await cli('lookup', 'Lumora Analytics', '--workflow', 'comprehensive', '--json');
      expect(pricingSearches()).toEqual([expect.objectContaining({ max_results: 3, search_depth: 'advanced' })]);
      const others = overviewSearches();

      // A lifetime of 0 hours reuses nothing for this component; the built-ins' answers come from the cache.
      await cli('lookup', 'Lumora Analytics', '--workflow', 'comprehensive', '--json');
      expect(pricingSearches()).toHaveLength(2);
      expect(overviewSearches()).toBe(others);

      await cli('settings', 'set', 'components.pricing.enabled', 'false');
      const off = JSON.parse(await cli('lookup', 'Lumora Analytics', '--workflow', 'comprehensive', '--json')) as {
        run: { steps: { component: string }[] };
      };
      expect(off.run.steps.map((s) => s.component)).not.toContain('pricing');
      expect(pricingSearches()).toHaveLength(2);

      // Renamed, the component starts from defaults: the old name's options are not left behind.
      await cli('settings', 'set', 'intel.customComponents', JSON.stringify([{ ...pricing, name: 'prices' }]));
      const components = JSON.parse(await cli('--json', 'settings', 'show', 'components')) as Record<string, unknown>;
      expect(Object.keys(components)).toEqual(['overview', 'executives', 'funding', 'news', 'prices']);
    } finally {
      await server.close();
    }
  });
});
