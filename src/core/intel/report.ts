import type { CompanyReport, Fact, ReportChanges, Source } from './domain';
import { normaliseKey } from './text';

export function emptyReport(query: string, workflow: string, startedAt: string): CompanyReport {
  return {
    companyId: null,
    query,
    workflow,
    generatedAt: startedAt,
    company: { name: query, domain: null, aliases: [] },
    overview: { description: [], industry: [], headquarters: [], founded: [], employees: [], products: [] },
    executives: [],
    funding: [],
    investments: [],
    news: [],
    custom: [],
    facts: [],
    sources: [],
    candidates: [],
    notFound: [],
    partial: [],
    changes: { previousRunId: null, previousAt: null, newExecutives: [], newFunding: [], newNews: [] },
    run: {
      id: 0,
      query,
      workflow,
      status: 'running',
      providerCalls: 0,
      cacheHits: 0,
      credits: 0,
      partial: false,
      stale: false,
      startedAt,
      finishedAt: null,
      steps: [],
    },
  };
}

/** Numbers every URL the report cites once, in order of first appearance in the facts. */
function numberSources(facts: Fact[], providers: Map<string, string>): Source[] {
  const sources: Source[] = [];
  for (const fact of facts) {
    if (sources.some((s) => s.url === fact.source.url)) continue;
    sources.push({
      id: sources.length + 1,
      url: fact.source.url,
      title: fact.source.title,
      publishedDate: fact.source.publishedDate,
      provider: providers.get(fact.source.url) ?? 'web',
    });
  }
  return sources;
}

/** The report's sources numbered anew from its facts: each URL's provider from `providers`, else as listed before. */
export function renumberSources(report: CompanyReport, providers: Map<string, string>): Source[] {
  return numberSources(
    report.facts,
    new Map([...report.sources.map((s) => [s.url, s.provider] as const), ...providers]),
  );
}

function fundingKey(event: CompanyReport['funding'][number]): string {
  return normaliseKey(`${event.round ?? ''} ${event.amount ?? ''} ${event.date?.slice(0, 4) ?? ''}`);
}

/** The executives (by name), funding rounds (by round, amount and year) and news (by title) `current` has and `before` had not. */
export function newSince(
  current: CompanyReport,
  before: CompanyReport,
): Pick<CompanyReport, 'executives' | 'funding' | 'news'> {
  const executives = new Set(before.executives.map((e) => normaliseKey(e.name)));
  const funding = new Set(before.funding.map(fundingKey));
  const news = new Set(before.news.map((n) => normaliseKey(n.title)));
  return {
    executives: current.executives.filter((e) => !executives.has(normaliseKey(e.name))),
    funding: current.funding.filter((f) => !funding.has(fundingKey(f))),
    news: current.news.filter((n) => !news.has(normaliseKey(n.title))),
  };
}

/** A funding round as one line: round, amount, date. */
export function describeRound(event: CompanyReport['funding'][number]): string {
  return [event.round, event.amount !== null ? `${event.currency ?? ''} ${event.amount}`.trim() : null, event.date]
    .filter(Boolean)
    .join(', ');
}

/** What this report has that the previous report of the same company did not: executives, funding, news. */
export function diffReports(
  current: CompanyReport,
  previous: { runId: number; at: string; report: CompanyReport } | null,
): ReportChanges {
  if (!previous) return { previousRunId: null, previousAt: null, newExecutives: [], newFunding: [], newNews: [] };
  const added = newSince(current, previous.report);
  return {
    previousRunId: previous.runId,
    previousAt: previous.at,
    newExecutives: added.executives.map((e) => `${e.name}, ${e.title}`),
    newFunding: added.funding.map(describeRound),
    newNews: added.news.map((n) => n.title),
  };
}
