import type { CompanyReport, RunSummary } from '../../src/core/intel/domain';

/** A stored run as the intelligence service reports it (shape from src/core/intel/domain.ts). */
export function runSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    id: 7,
    query: 'Acme Robotics',
    workflow: 'comprehensive',
    status: 'completed',
    providerCalls: 6,
    cacheHits: 2,
    credits: 6,
    partial: false,
    stale: false,
    startedAt: '2025-03-14T09:00:00.000Z',
    finishedAt: '2025-03-14T09:00:04.000Z',
    steps: [
      {
        id: 1,
        component: 'identity',
        status: 'completed',
        providerCalls: 1,
        cacheHits: 0,
        credits: 1,
        durationMs: 820,
        error: null,
        skippedReason: null,
      },
      {
        id: 2,
        component: 'overview',
        status: 'completed',
        providerCalls: 2,
        cacheHits: 1,
        credits: 2,
        durationMs: 1210,
        error: null,
        skippedReason: null,
      },
    ],
    ...overrides,
  };
}

export function companyReport(overrides: Partial<CompanyReport> = {}): CompanyReport {
  const press = 'https://news.example/acme-series-b';
  const about = 'https://acme.example/about';
  return {
    companyId: 3,
    query: 'Acme Robotics',
    workflow: 'comprehensive',
    generatedAt: '2025-03-14T09:00:04.000Z',
    company: { name: 'Acme Robotics', domain: 'acme.example', aliases: [] },
    overview: {
      description: [{ value: 'Builds warehouse picking robots.', sources: [about] }],
      industry: [{ value: 'Robotics', sources: [about] }],
      headquarters: [
        { value: 'Austin, TX', sources: [about] },
        { value: 'Denver, CO', sources: [press] },
      ],
      founded: [],
      employees: [],
      products: [],
    },
    executives: [
      {
        name: 'Dana Reyes',
        title: 'Chief Executive Officer',
        function: 'executive',
        seniority: 'c_level',
        sources: [about],
        origin: 'found',
      },
    ],
    funding: [
      {
        date: '2025-02-10',
        round: 'Series B',
        amount: 40_000_000,
        currency: 'USD',
        leadInvestors: ['Foundry Ventures'],
        investors: [],
        sources: [press],
      },
    ],
    investments: [],
    news: [
      {
        date: '2025-02-10',
        title: 'Acme raises $40M Series B',
        summary: 'To expand into Europe.',
        trigger: 'funding',
        score: 0.9,
        sources: [press],
      },
    ],
    custom: [],
    facts: [],
    sources: [
      { id: 1, url: about, title: 'About Acme Robotics', publishedDate: null, provider: 'tavily' },
      { id: 2, url: press, title: 'Acme raises $40M', publishedDate: '2025-02-10', provider: 'tavily' },
    ],
    candidates: [],
    notFound: ['overview.founded', 'overview.employees', 'overview.products'],
    partial: [],
    changes: { previousRunId: null, previousAt: null, newExecutives: [], newFunding: [], newNews: [] },
    run: runSummary(),
    ...overrides,
  };
}
