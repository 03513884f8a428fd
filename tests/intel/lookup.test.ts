import { afterEach, describe, expect, it } from 'vitest';
import type { CompanyReport } from '../../src/core/intel/domain';
import { intelHarness } from './support';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { executiveQueries } from '../../src/core/intel/components/executives';
import { openDatabase } from '../../src/core/store/database';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('company lookup against Tavily on loopback', () => {
  it('builds a sourced comprehensive report with conflicts kept side by side', async () => {
    harness = await intelHarness();
    const report = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(report.company).toMatchObject({ name: 'Lumora Analytics', domain: 'lumora.io' });
    expect(report.overview.headquarters[0]?.value).toBe('Austin, Texas');
    expect(report.overview.founded.map((v) => v.value).sort()).toEqual(['2016', '2017']);
    expect(report.executives.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Jane Okafor', 'Marcus Lindqvist', 'Priya Raman']),
    );
    expect(report.funding.find((f) => f.round === 'Series B')).toMatchObject({
      amount: 45_000_000,
      currency: 'USD',
      leadInvestors: ['Northgate Ventures'],
    });
    expect(report.news[0]?.trigger).toMatch(/hire|launch/);
    for (const fact of report.facts) {
      expect(report.sources.map((s) => s.url)).toContain(fact.source.url);
      expect(fact.evidence.length).toBeGreaterThan(0);
    }
    expect(report.run).toMatchObject({ partial: false, cacheHits: 0 });
    expect(report.run.providerCalls).toBe(harness.tavily.searches().length);
    const request = harness.tavily.searches()[0]!;
    expect(request.headers.authorization).toBe('Bearer tvly-dev-test-key');
    expect(request.body).toMatchObject({ search_depth: 'basic', topic: 'general', include_raw_content: false });
  });

  it('makes no provider call for a second lookup within the cache lifetimes', async () => {
    harness = await intelHarness();
    await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    const calls = harness.tavily.requests.length;
    const second = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(harness.tavily.requests.length).toBe(calls);
    expect(second.run).toMatchObject({ providerCalls: 0, cacheHits: calls });
    expect(second.changes.previousRunId).toBe(second.run.id - 1);
    const refreshed = await harness.services.intel.lookup('Lumora Analytics', {
      workflow: 'comprehensive',
      refresh: true,
    });
    expect(refreshed.run.providerCalls).toBe(calls);
  });

  it('commits the answers a lookup was given with its report: another process reuses them once it returns', async () => {
    harness = await intelHarness();
    const report = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    const other = openDatabase(harness.services.dataDir);
    try {
      const { n } = other.prepare('SELECT count(*) AS n FROM request_cache').get() as { n: number };
      expect(n).toBe(report.run.providerCalls);
      expect(
        other.prepare('SELECT report IS NOT NULL AS stored FROM intel_runs WHERE id = ?').get(report.run.id),
      ).toEqual({ stored: 1 });
    } finally {
      other.close();
    }
  });

  it('serves a cache-hit lookup the report the same cached answers make, and reads an answer stored anew', async () => {
    const fixtures = loadTavilyFixtures();
    harness = await intelHarness({ fixtures });
    const { intel } = harness.services;
    const first = await intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    // Steps end in another order when nothing waits on the network: facts and sources are compared as sets.
    const sections = ({ company, overview, executives, funding, news, facts, sources, notFound }: typeof first) => ({
      ...{ company, overview, executives, funding, news, notFound },
      facts: facts.map(({ id: _id, ...fact }) => JSON.stringify(fact)).sort(),
      sources: sources.map((source) => source.url).sort(),
    });
    const hits = [
      await intel.lookup('Lumora Analytics', { workflow: 'comprehensive' }),
      await intel.lookup('Lumora Analytics', { workflow: 'comprehensive' }),
    ];
    for (const hit of hits) {
      expect(sections(hit)).toEqual(sections(first));
      expect(hit.run).toMatchObject({ providerCalls: 0, cacheHits: hits[0]!.run.cacheHits });
      expect(hit.run.steps.map((s) => [s.component, s.cacheHits])).toEqual(
        hits[0]!.run.steps.map((s) => [s.component, s.cacheHits]),
      );
    }
    // The pages now say Denver; a refreshed lookup stores their answers anew, and the next cache hit reads those.
    const denver = (text: string) => text.replaceAll('Austin, Texas', 'Denver, Colorado');
    for (const result of fixtures.flatMap((f) => f.results)) {
      result.content = denver(result.content);
      if (result.raw_content) result.raw_content = denver(result.raw_content);
      if (result.page_text) result.page_text = denver(result.page_text);
    }
    await intel.lookup('Lumora Analytics', { workflow: 'comprehensive', refresh: true });
    const afterRefresh = await intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(afterRefresh.run.providerCalls).toBe(0);
    expect(afterRefresh.overview.headquarters[0]?.value).toBe('Denver, Colorado');
  });

  it("keeps a cache-hit lookup's sections its own: a profile entry merged into one report is gone from the next once removed", async () => {
    harness = await intelHarness();
    const { intel, profiles } = harness.services;
    await intel.lookup('Lumora Analytics');
    await intel.lookup('Lumora Analytics');
    const entry = profiles.add({ company: 'Lumora Analytics', kind: 'headquarters', value: 'Denver, Colorado' });
    const curated = await intel.lookup('Lumora Analytics');
    expect(curated.overview.headquarters).toEqual([{ value: 'Denver, Colorado', sources: [`profile:${entry.id}`] }]);
    profiles.remove(entry.id);
    const found = await intel.lookup('Lumora Analytics');
    expect(found.run.providerCalls).toBe(0);
    expect(found.overview.headquarters[0]?.value).toBe('Austin, Texas');
    expect(found.facts.some((f) => f.source.url.startsWith('profile:'))).toBe(false);
  });

  it('judges a cache-hit lookup’s titles by the year it runs in, not the year its step was first made', async () => {
    // The team page dated as a page of 2025 says it.
    const fixtures = loadTavilyFixtures('lumora').map((fixture) => ({
      ...fixture,
      results: fixture.results.map((r) =>
        r.url === 'https://www.lumora.io/team' ? { ...r, published_date: '2025-02-01' } : r,
      ),
    }));
    let now = Date.parse('2026-06-01');
    harness = await intelHarness({ fixtures, clock: () => now });
    const names = (report: CompanyReport) => report.executives.map((e) => e.name).sort();
    await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    // A cache hit: its steps are kept for the next hit.
    const today = names(await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' }));
    now = Date.parse('2060-06-01');
    const later = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(later.run.providerCalls).toBe(0);
    // A page of 2025 says nothing of who holds a title in 2060.
    expect(today).toContain('Jane Okafor');
    expect(names(later)).toEqual([]);
  });

  it('finds an officer that only a news page names by title, through a search for officers by title', async () => {
    const byTitle = {
      match: 'Lumora Analytics chief executive officer chief operating officer vice president',
      results: [
        {
          title: 'Lumora Analytics opens a Denver office',
          url: 'https://news.example.com/lumora-denver',
          score: 0.8,
          content:
            'Lumora Analytics opened an office in Denver this week. Tomasz Wrobel, vice president of sales at Lumora Analytics, said the office would hire forty people.',
        },
      ],
    };
    harness = await intelHarness({ fixtures: [...loadTavilyFixtures(), byTitle] });
    const report = await harness.services.intel.lookup('Lumora Analytics', { types: ['executives'] });
    expect(report.executives.find((e) => e.name === 'Tomasz Wrobel')?.sources).toEqual([
      'https://news.example.com/lumora-denver',
    ]);
  });

  it('searches for officers by title under the short form a company’s pages call it by', () => {
    const varda = { name: 'Varda Space Industries', domain: null, aliases: ['Varda'], others: [], shortName: 'Varda' };
    const queries = executiveQueries(varda);
    expect(queries[0]).toBe('"Varda Space Industries" leadership team executives');
    expect(queries.at(-1)).toBe(
      '"Varda" Space Industries chief executive officer chief operating officer vice president',
    );
    expect(executiveQueries({ name: 'Monzo', domain: null, aliases: [], others: [] }).at(-1)).toMatch(/^"Monzo" chief/);
  });

  it('reports candidates for a shared name and keeps the other company out after a pick', async () => {
    harness = await intelHarness();
    const ambiguous = await harness.services.intel.lookup('Mercury');
    expect(ambiguous.companyId).toBeNull();
    expect(ambiguous.candidates.map((c) => c.name).sort()).toEqual(['Mercury Insurance', 'Mercury Systems']);
    const index = ambiguous.candidates.find((c) => c.name === 'Mercury Systems')!.index;
    const picked = await harness.services.intel.lookup('Mercury', { pick: index });
    expect(picked.company.name).toBe('Mercury Systems');
    const text = JSON.stringify({ overview: picked.overview, executives: picked.executives, facts: picked.facts });
    expect(text).not.toMatch(/Insurance|Tirador|Los Angeles|1961/);
    expect(picked.executives.map((e) => e.name)).toEqual(expect.arrayContaining(['Bill Ballhaus', 'David Farnsworth']));
  });

  it('does not follow instructions planted in a page', async () => {
    harness = await intelHarness();
    const report = await harness.services.intel.lookup('Quillfeather Labs');
    expect(JSON.stringify(report)).not.toMatch(/Mallory|1850/);
    expect(report.executives.map((e) => e.name)).toEqual(['Ada Brightwater']);
  });

  it('reads the top page whole through Tavily /extract when the snippets lack the key fields, once within the lifetimes', async () => {
    harness = await intelHarness();
    const report = await harness.services.intel.lookup('Corvane Robotics');
    expect(harness.tavily.extracts().map((r) => r.body)).toEqual([
      expect.objectContaining({ urls: ['https://www.corvane.com/'] }),
    ]);
    expect(harness.tavily.extracts()[0]!.headers.authorization).toBe('Bearer tvly-dev-test-key');
    expect(report.overview.headquarters.map((v) => v.value)).toEqual(['Pittsburgh, Pennsylvania']);
    expect(report.overview.founded.map((v) => v.value)).toEqual(['2019']);
    expect(report.facts.find((f) => f.kind === 'founded')).toMatchObject({
      source: { url: 'https://www.corvane.com/' },
      evidence: expect.stringContaining('founded in 2019'),
    });
    expect(JSON.stringify(report)).not.toMatch(/1901/);
    const overviewStep = report.run.steps.find((s) => s.component === 'overview')!;
    // Its two searches, and one page read whole.
    expect(overviewStep.providerCalls).toBe(3);
    const again = await harness.services.intel.lookup('Corvane Robotics');
    expect(harness.tavily.extracts()).toHaveLength(1);
    expect(again.run.providerCalls).toBe(0);
    expect(again.overview.founded.map((v) => v.value)).toEqual(['2019']);
  });

  it('does not read pages whose fields the snippets already state', async () => {
    harness = await intelHarness();
    await harness.services.intel.lookup('Lumora Analytics');
    expect(harness.tavily.extracts()).toEqual([]);
  });

  it('reads a custom component’s fields by pattern and by keywords into sourced facts beside the overview’s', async () => {
    const pricingPage = {
      match: 'Lumora Analytics pricing plans',
      results: [
        {
          title: 'Lumora Analytics pricing',
          url: 'https://lumora.io/pricing',
          score: 0.9,
          content:
            'Lumora Analytics costs $49 per seat each month on its Team plan. Lumora Analytics offers a free trial of fourteen days.',
        },
      ],
    };
    const pricing = {
      name: 'pricing',
      queries: ['{company} pricing plans'],
      fields: [
        { name: 'seat_price', pattern: '\\$(\\d+) per seat' },
        { name: 'trial', keywords: ['FREE TRIAL'] },
        { name: 'discount', keywords: ['discount'] },
      ],
    };
    harness = await intelHarness({
      fixtures: [...loadTavilyFixtures(), pricingPage],
      settings: { intel: { customComponents: [pricing] } } as never,
    });
    const report = await harness.services.intel.lookup('Lumora Analytics', { types: ['overview', 'pricing'] });
    const source = { url: 'https://lumora.io/pricing', title: 'Lumora Analytics pricing' };
    expect(report.facts.filter((f) => f.section === 'custom')).toEqual([
      expect.objectContaining({
        component: 'pricing',
        kind: 'seat_price',
        value: '49',
        text: 'seat_price: 49',
        evidence: 'Lumora Analytics costs $49 per seat each month on its Team plan.',
        confidence: 0.6,
        source: expect.objectContaining(source),
      }),
      expect.objectContaining({
        component: 'pricing',
        kind: 'trial',
        text: 'trial: Lumora Analytics offers a free trial of fourteen days.',
        source: expect.objectContaining(source),
      }),
    ]);
    expect(report.custom).toEqual([
      {
        name: 'pricing',
        fields: {
          seat_price: [{ value: '49', sources: [source.url] }],
          trial: [{ value: 'Lumora Analytics offers a free trial of fourteen days.', sources: [source.url] }],
          discount: [],
        },
      },
    ]);
    expect(report.notFound).toContain('pricing.discount');
    expect(report.facts.find((f) => f.section === 'overview' && f.kind === 'headquarters')).toMatchObject({
      component: 'overview',
      value: 'Austin, Texas',
      text: 'headquarters: Austin, Texas',
      confidence: 0.65,
    });
  });

  it('reports not found, never invents, for a company with no results', async () => {
    harness = await intelHarness();
    const report = await harness.services.intel.lookup('Zyxwvut Nonexistent');
    expect(report.facts).toEqual([]);
    expect(report.executives).toEqual([]);
    expect(report.notFound).toEqual(expect.arrayContaining(['overview.founded', 'executives']));
    expect(report.run.partial).toBe(false);
  });
});
