import { OVERVIEW_FIELDS, type CompanyReport, type OverviewField, type SourcedValue } from '../domain';
import type { Component, ComponentContext, Document } from '../component';
import { hostOf, placeKey } from '../text';
import { otherName, relevantDocuments, searchName } from '../relevance';
import { extractOverview } from '../extract/overview';
import { groupValues, type Finding } from '../extract/finding';
import { llmFindings } from '../extract/llm-findings';
import { findingFacts } from './finding-facts';

const FIELD_DESCRIPTIONS: Record<(typeof OVERVIEW_FIELDS)[number], string> = {
  description: 'one sentence saying what the company does',
  industry: 'the industry',
  headquarters: 'headquarters city and region or country',
  founded: 'founding year, four digits',
  employees: 'number of employees, digits only',
  products: 'one product or service name per fact',
};

/** Fields worth reading a whole page for when the snippets do not state them. */
const PAGE_WORTHY: OverviewField[] = ['industry', 'headquarters', 'founded'];

function extract(context: ComponentContext, documents: Document[]): Promise<Finding[]> {
  return context.llm
    ? llmFindings(
        context,
        documents,
        OVERVIEW_FIELDS.map((name) => ({ name, description: FIELD_DESCRIPTIONS[name] })),
      )
    : Promise.resolve(extractOverview(documents, context.target, context.read));
}

/** Fields a company has one value of: the pages' other values are older or about an office, not a second answer. */
const SINGLE_VALUED: ReadonlySet<OverviewField> = new Set(['headquarters', 'founded']);

/**
 * The findings without the values of a single-valued field that fewer sources state than another value. Of
 * headquarters the sources support equally, those of the newest dated page stay: a company moves, and an older
 * page still names the town it left (an undated page may be of any age, so it settles nothing). Other values the
 * sources support equally stay side by side, as a conflict for the analyst to settle.
 */
export function bestSupported(findings: Finding[], dateOf: (document: Document) => string | null): Finding[] {
  const sources = new Map<string, Set<string>>();
  // "Munich" and "Munich, Germany" are one place: values are compared by what comes before a comma.
  const key = (f: Finding) => `${f.field}|${placeKey(f.value)}`;
  for (const f of findings) sources.set(key(f), (sources.get(key(f)) ?? new Set()).add(f.document.url));
  const most = new Map<string, number>();
  for (const f of findings) most.set(f.field, Math.max(most.get(f.field) ?? 0, sources.get(key(f))!.size));
  const supported = findings.filter(
    (f) => !SINGLE_VALUED.has(f.field as OverviewField) || sources.get(key(f))!.size === most.get(f.field),
  );
  const newest = supported
    .filter((f) => f.field === 'headquarters')
    .reduce((max, f) => {
      const date = dateOf(f.document);
      return date !== null && date > max ? date : max;
    }, '');
  if (!newest) return supported;
  const current = new Set(
    supported.filter((f) => f.field === 'headquarters' && dateOf(f.document) === newest).map(key),
  );
  return supported.filter((f) => f.field !== 'headquarters' || current.has(key(f)));
}

/** "A technology company", "an IT firm": words that say little of what a company does. */
const GENERIC_INDUSTRY = /^(?:information |high |global )?tech(?:nology)?$|^IT$/i;

/** The industries with a specific one first: "technology" goes after "software" however many pages say it. */
export function specificFirst(industries: SourcedValue[]): SourcedValue[] {
  const generic = (value: SourcedValue) => (GENERIC_INDUSTRY.test(value.value) ? 1 : 0);
  return [...industries].sort((a, b) => generic(a) - generic(b));
}

/**
 * The top result whose full text the search did not return (Tavily answers `raw_content: null` for pages it
 * could not fetch in time): the company's own page first, else the best-ranked web result.
 */
function pageToRead(documents: Document[], target: ComponentContext['target']): Document | undefined {
  const unread = documents.filter((d) => d.rawContent === null && hostOf(d.url) !== null);
  return (
    unread.find((d) => target.domain !== null && hostOf(d.url)!.endsWith(target.domain)) ??
    unread.sort((a, b) => b.score - a.score)[0]
  );
}

export const overviewComponent: Component = {
  name: 'overview',
  section: 'overview',
  async run(context) {
    const { target } = context;
    // Two searches side by side: profile pages answer the first, the descriptions news pages give of a company the
    // second, by the other name its site gives it when it has one (filings and directories use that name).
    const other = otherName(target);
    const queries = [
      `${searchName(target)} company overview headquarters founded employees products`,
      `${other ? `"${other}"` : searchName(target)} founded headquarters based`,
    ];
    const results = await Promise.all(
      queries.map((query) => context.search({ query, maxResults: 8, includeRawContent: true })),
    );
    let documents = relevantDocuments(results.flat(), target);
    let findings = await extract(context, documents);
    // Snippets lack a key field: read the top page whole (Tavily /extract), once, and extract again.
    const page = PAGE_WORTHY.some((field) => !findings.some((f) => f.field === field))
      ? pageToRead(documents, target)
      : undefined;
    if (page) {
      const text = (await context.readPages([page.url])).get(page.url);
      if (text) {
        documents = documents.map((d) => (d === page ? { ...d, rawContent: text } : d));
        findings = await extract(context, documents);
      }
    }
    findings = bestSupported(findings, (document) => context.read(document, target).date);
    const overview = Object.fromEntries(
      OVERVIEW_FIELDS.map((field) => [field, groupValues(findings, field)]),
    ) as CompanyReport['overview'];
    overview.industry = specificFirst(overview.industry);
    // Several sentences of one source may state the description; keep the one from the best-ranked source only once.
    overview.description = overview.description.slice(0, 3);
    return {
      facts: findingFacts(findings, { section: 'overview', confidence: context.llm ? 0.75 : 0.65 }),
      notFound: OVERVIEW_FIELDS.filter((field) => overview[field].length === 0).map((field) => `overview.${field}`),
      apply(report) {
        report.overview = overview;
      },
    };
  },
};
