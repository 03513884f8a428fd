import { describe, expect, it } from 'vitest';
import { companyReportSchema, type CompanyReport } from '../../src/core/intel/domain';
import { reportToHtml } from '../../src/core/intel/html';

/** A report whose web text tries to become markup: a tag in a value, a javascript: source, a bidi override. */
function report(): CompanyReport {
  const news = 'https://news.example.com/acme?a=1&b=2';
  const evil = 'javascript:alert(document.cookie)';
  return companyReportSchema.parse({
    companyId: 1,
    query: 'Acme',
    workflow: 'comprehensive',
    generatedAt: '2026-06-01T12:00:00.000Z',
    company: { name: 'Acme <img src=x onerror=alert(1)>', domain: 'acme.example', aliases: [] },
    overview: {
      description: [{ value: 'Acme builds payroll. <script>alert(2)</script>', sources: [news] }],
      industry: [{ value: 'Payroll', sources: [evil] }],
      headquarters: [{ value: 'Austin \u202Egnp.exe', sources: [news] }],
      founded: [],
      employees: [],
      products: [],
    },
    executives: [
      { name: 'Dana Lee', title: 'CEO', function: 'executive', seniority: 'c_level', sources: [news], origin: 'found' },
    ],
    funding: [
      {
        date: '2026-02-10',
        round: 'Series B',
        amount: 40_000_000,
        currency: 'USD',
        leadInvestors: [],
        investors: ['Index'],
        sources: [news],
      },
    ],
    investments: [],
    news: [],
    custom: [],
    facts: [],
    sources: [
      { id: 1, url: news, title: 'Acme raises "B" <b>round</b>', publishedDate: '2026-02-10', provider: 'tavily' },
      { id: 2, url: evil, title: 'Docs', publishedDate: null, provider: 'tavily' },
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
      providerCalls: 3,
      cacheHits: 1,
      credits: 3,
      partial: false,
      stale: false,
      startedAt: '2026-06-01T12:00:00.000Z',
      finishedAt: null,
      steps: [],
    },
  });
}

describe('a report as HTML', () => {
  const html = reportToHtml(report());

  it('cites each claim by number and lists the sources as numbered endnotes with their URLs', () => {
    expect(html).toContain('<li>Dana Lee, CEO <sup><a href="#source-1">[1]</a></sup></li>');
    expect(html).toContain(
      '2026-02-10: Series B, USD 40,000,000; investors: Index <sup><a href="#source-1">[1]</a></sup>',
    );
    expect(html).toContain(
      '<li id="source-1" value="1">Acme raises &quot;B&quot; &lt;b&gt;round&lt;/b&gt; (2026-02-10)<br><a href="https://news.example.com/acme?a=1&amp;b=2">https://news.example.com/acme?a=1&amp;b=2</a></li>',
    );
  });

  it('keeps web text as text: no tag, script, script link or invisible character of its own', () => {
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>|href="javascript:/i);
    expect(html).toContain('Acme &lt;img src=x onerror=alert(1)&gt; (acme.example)');
    expect(html).toContain('<li id="source-2" value="2">Docs<br>javascript:alert(document.cookie)</li>');
    expect(html).not.toContain('\u202E');
    // The page loads nothing and runs nothing, whatever a viewer allows.
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
