import { describe, expect, it } from 'vitest';
import { companyReportSchema, type CompanyReport } from '../../src/core/intel/domain';
import { reportToMarkdown } from '../../src/core/intel/markdown';

const A = 'https://acme.example/about';
const B = 'https://news.example/acme-raises';

function report(patch: Record<string, unknown> = {}): CompanyReport {
  return companyReportSchema.parse({
    companyId: 1,
    query: 'Acme',
    workflow: 'comprehensive',
    generatedAt: '2025-06-01T12:00:00.000Z',
    company: { name: 'Acme', domain: 'acme.example', aliases: [] },
    overview: {
      description: [{ value: 'Acme builds payroll software.', sources: [A] }],
      industry: [],
      headquarters: [
        { value: 'Austin, Texas', sources: [A] },
        { value: 'Dallas, Texas', sources: [B] },
      ],
      founded: [{ value: '2015', sources: [A, B] }],
      employees: [],
      products: [],
    },
    executives: [
      {
        name: 'Dana Reyes',
        title: 'Chief Executive Officer',
        function: 'executive',
        seniority: 'c_level',
        sources: [A],
        origin: 'found',
      },
    ],
    funding: [
      {
        date: '2025-05-20',
        round: 'Series B',
        amount: 45_000_000,
        currency: 'USD',
        investors: ['Northgate Ventures'],
        leadInvestors: ['Northgate Ventures'],
        sources: [B],
      },
    ],
    investments: [],
    news: [],
    custom: [],
    facts: [],
    sources: [
      { id: 1, url: A, title: 'About Acme', publishedDate: null, provider: 'tavily' },
      { id: 2, url: B, title: 'Acme raises $45M', publishedDate: '2025-05-20T08:00:00Z', provider: 'tavily' },
    ],
    candidates: [],
    notFound: [],
    partial: [],
    changes: { previousRunId: null, previousAt: null, newExecutives: [], newFunding: [], newNews: [] },
    run: {
      id: 7,
      query: 'Acme',
      workflow: 'comprehensive',
      status: 'completed',
      providerCalls: 5,
      cacheHits: 2,
      credits: 3,
      partial: false,
      stale: false,
      startedAt: '2025-06-01T12:00:00.000Z',
      finishedAt: null,
      steps: [],
    },
    ...patch,
  });
}

describe('reportToMarkdown', () => {
  it('cites every claim by its source number and lists the sources with their dates', () => {
    const text = reportToMarkdown(report());
    expect(text.split('\n')[0]).toBe('# Acme (acme.example)');
    expect(text).toContain('- founded: 2015 [1][2]');
    expect(text).toContain('- Dana Reyes, Chief Executive Officer [1]');
    expect(text).toContain('- 2025-05-20: Series B, USD 45,000,000; investors: Northgate Ventures [2]');
    expect(text).toContain(
      '1. About Acme https://acme.example/about\n2. Acme raises $45M https://news.example/acme-raises (2025-05-20)',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('Run 7: 5 provider calls, 2 cache hits, 3 credits.');
  });

  it('says when sources disagree, and what was not found', () => {
    const text = reportToMarkdown(report());
    expect(text).toContain('- headquarters: Austin, Texas [1] / Dallas, Texas [2] (sources disagree)');
    expect(text).toContain('- industry: not found');
    expect(text).toContain('## News (why now)\n- not found');
  });

  it('marks a partial or stale report at the top', () => {
    const partial = report({
      partial: [{ component: 'executives', status: 'failed', reason: 'Tavily answered 429' }],
      run: { ...report().run, stale: true },
    });
    const lines = reportToMarkdown(partial).split('\n');
    expect(lines.slice(2, 6)).toEqual([
      '> Partial report: executives failed (Tavily answered 429)',
      '',
      '> Some results come from an expired cache because a provider could not be reached.',
      '',
    ]);
  });

  it('lists the candidates instead of a report when the name matches several companies', () => {
    const ambiguous = report({
      companyId: null,
      query: 'Mercury',
      company: { name: 'Mercury', domain: null, aliases: [] },
      candidates: [
        { index: 1, name: 'Mercury', domain: 'mercury.com', description: 'Banking for startups', sources: [] },
        {
          index: 2,
          name: 'Mercury Insurance',
          domain: 'mercuryinsurance.com',
          description: 'Car insurance',
          sources: [],
        },
      ],
    });
    expect(reportToMarkdown(ambiguous)).toBe(
      [
        '# Mercury',
        '',
        '"Mercury" matches several companies. Pick one with --pick N:',
        '',
        '1. Mercury (mercury.com): Banking for startups',
        '2. Mercury Insurance (mercuryinsurance.com): Car insurance',
      ].join('\n'),
    );
  });

  it('shows what changed since the previous run', () => {
    const changed = report({
      changes: {
        previousRunId: 3,
        previousAt: '2025-05-01T09:00:00.000Z',
        newExecutives: ['Dana Reyes'],
        newFunding: [],
        newNews: [],
      },
    });
    expect(reportToMarkdown(changed)).toContain('## Changes since 2025-05-01\n- new executive: Dana Reyes');
    expect(
      reportToMarkdown(
        report({
          changes: {
            previousRunId: 3,
            previousAt: '2025-05-01T09:00:00.000Z',
            newExecutives: [],
            newFunding: [],
            newNews: [],
          },
        }),
      ),
    ).toContain('- nothing new');
  });
});
