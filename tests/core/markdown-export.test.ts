import { describe, expect, it } from 'vitest';
import { companyReportSchema, type CompanyReport } from '../../src/core/intel/domain';
import { reportToMarkdown } from '../../src/core/intel/markdown';
import { markdownText, markdownUrl } from '../../src/core/export/markdown';

const EVIL_URL = 'javascript:alert(document.cookie)';

/** A report whose web text tries to become Markdown and HTML: tags, links, images, a javascript: source, control and bidi characters. */
function hostileReport(): CompanyReport {
  const source = 'https://news.example.com/a_(b)';
  return companyReportSchema.parse({
    companyId: 1,
    query: 'Acme',
    workflow: 'comprehensive',
    generatedAt: '2025-06-01T12:00:00.000Z',
    company: { name: 'Acme <img src=x onerror=alert(1)>', domain: 'acme.example', aliases: [] },
    overview: {
      description: [
        {
          value: 'Acme builds payroll. [Claim your prize](javascript:alert(1)) <script>alert(2)</script>',
          sources: [source],
        },
      ],
      industry: [{ value: 'Payroll\n\n# Fake heading\n[x]: javascript:alert(3)', sources: [EVIL_URL] }],
      headquarters: [
        { value: 'Austin \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 \u202Egnp.exe', sources: [source] },
      ],
      founded: [],
      employees: [{ value: '**200** | ~~ten~~ <javascript:alert(4)>', sources: [source] }],
      products: [],
    },
    executives: [
      {
        name: 'Dana ![x](https://evil.example/t.png)',
        title: 'CEO',
        function: 'executive',
        seniority: 'c_level',
        sources: [source],
        origin: 'found',
      },
    ],
    funding: [],
    investments: [],
    news: [
      {
        date: '2025-05-20',
        title: '<a href="javascript:alert(5)">Launch</a>',
        summary: 'Ledger &#106;avascript:alert(6)',
        trigger: 'launch',
        score: 0.5,
        sources: [source],
      },
    ],
    custom: [],
    facts: [],
    sources: [
      { id: 1, url: source, title: 'News <b>bold</b>', publishedDate: '2025-05-20', provider: 'tavily' },
      { id: 2, url: EVIL_URL, title: '[Docs](javascript:alert(7))', publishedDate: null, provider: 'tavily' },
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
      providerCalls: 1,
      cacheHits: 0,
      credits: 1,
      partial: false,
      stale: false,
      startedAt: '2025-06-01T12:00:00.000Z',
      finishedAt: null,
      steps: [],
    },
  });
}

/** What would render as markup, a link or a hidden character rather than as the words. */
const ACTIVE = [
  /<(?:script|img|a|b)\b/i,
  /<javascript:/i,
  /(?<!\\)\]\((?:javascript|https?):/i,
  /^\[x\]:/m,
  /^# Fake/m,
  /&#106;/,
  /(?!\n)[\p{Cc}\u202A-\u202E\u2066-\u2069]/u,
  /(?<!\\)\*\*200/,
  /(?<!\\)~~ten/,
];

describe('Markdown export of web text', () => {
  it('reportToMarkdown keeps every value as text: no tag, no link of its own, no control or bidi character', () => {
    const markdown = reportToMarkdown(hostileReport());
    for (const pattern of ACTIVE) expect(markdown, String(pattern)).not.toMatch(pattern);
    // Our own Markdown is intact, and citations still find their sources.
    expect(markdown).toMatch(/^# Acme &lt;img src=x onerror=alert\(1\)&gt; \(acme\.example\)$/m);
    expect(markdown).toContain(
      '## Sources\n1. News &lt;b&gt;bold&lt;/b&gt; https://news.example.com/a%5F%28b%29 (2025-05-20)',
    );
    expect(markdown).toContain('2. \\[Docs\\](javascript:alert(7)) javascript\\:alert(document.cookie)');
    expect(markdown).toMatch(
      /- description: Acme builds payroll\. \\\[Claim your prize\\\]\(javascript:alert\(1\)\) &lt;script&gt;alert\(2\)&lt;\/script&gt; \[1\]/,
    );
    expect(markdown).toContain('- industry: Payroll \\# Fake heading \\[x\\]: javascript:alert(3) [2]');
  });

  it('links: http(s) and mailto only, with nothing that could end the target', () => {
    expect(markdownUrl('https://acme.example/a b)(<x>')).toBe('https://acme.example/a%20b%29%28%3Cx%3E');
    expect(markdownUrl('MAILTO:jane@acme.example')).toBe('MAILTO:jane@acme.example');
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\u0000script:alert(1)',
      'data:text/html,<script>',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(`[x](${markdownUrl(url)})`).not.toMatch(/\]\((?:javascript|data|vbscript|file):/i);
    }
    expect(markdownText('a\r\nb\u202Ec\u200Bd')).toBe('a b c d');
  });
});
