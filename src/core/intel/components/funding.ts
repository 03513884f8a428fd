import { makeFact, type Component } from '../component';
import { ownMentions, relevantDocuments, searchName } from '../relevance';
import { readPage, type PageReader } from '../read/page';
import { extractFunding, mergeFunding, type FundingFinding } from '../extract/funding';
import { fundingEventSchema, type Investment } from '../domain';
import type { CompanyTarget, ComponentContext, Document } from '../component';
import { llmRecords } from '../extract/llm-findings';
import { isoDay } from '../dates';

const STRATEGY = /\b(?:invests? in|focus(?:es|ed)? on|strategy|specializ(?:es|ing) in)\b/i;
const HOLDING = /\b(?:portfolio (?:includes|companies include)|holdings include|has invested in|backed)\b/i;

export const fundingComponent: Component = {
  name: 'funding',
  section: 'funding',
  async run(context) {
    const { target } = context;
    // Two searches side by side: one finds the rounds, the other the releases naming who led them, as a headline
    // names the company. Twenty results, a search's most and no dearer: a company's funding news in another
    // language ranks below ten pages in English about the same rounds.
    const results = await Promise.all(
      [`${searchName(target)} funding round raised investors`, `${headlineName(target)} raises Series led by`].map(
        (query) => context.search({ query, maxResults: 20, includeRawContent: true }),
      ),
    );
    const documents = relevantDocuments(results.flat(), target);
    const findings = context.llm
      ? await llmFunding(context, documents)
      : extractFunding(documents, target, context.read);
    const funding = mergeFunding(findings);
    const investments = investmentsOf(documents, target, findings, context.read);
    return {
      facts: [
        ...findings.map((f) =>
          makeFact({
            section: 'funding',
            kind: 'funding_round',
            value: f.event,
            text: [f.event.round, f.event.amount ? `${f.event.currency} ${f.event.amount}` : null, f.event.date]
              .filter(Boolean)
              .join(', '),
            document: f.document,
            evidence: f.evidence,
            confidence: 0.7,
          }),
        ),
        ...investments.map((i) =>
          makeFact({
            section: 'funding',
            kind: `investment_${i.kind}`,
            value: i.value,
            text: i.value,
            document: documents.find((d) => d.url === i.sources[0])!,
            evidence: i.value,
            confidence: 0.5,
          }),
        ),
      ],
      notFound: funding.length === 0 && investments.length === 0 ? ['funding'] : [],
      apply(report) {
        report.funding = funding;
        report.investments = investments;
      },
    };
  },
};

/**
 * The company as a funding headline names it: by its short form when it has one ("Varda Lands $90M In Series
 * B" for Varda Space Industries), with the rest of its name as plain words to rank by. The relevance check
 * still keeps only pages that make the short form the company's.
 */
function headlineName(target: CompanyTarget): string {
  const { shortName } = target;
  if (!shortName || !target.name.startsWith(`${shortName} `)) return searchName(target);
  return `"${shortName}" ${target.name.slice(shortName.length + 1)}`;
}

/** "The firm invests in", "Its portfolio includes", "We back": a sentence whose subject is the company itself. */
const SELF_SUBJECT = /^(?:(?:The|This)\s(?:firm|company|fund|group|investor)|It|Its|We|Our)\b/;

/**
 * For an investment firm, sources describe what it invests in rather than rounds it raised: the sentences
 * that say what the company itself invests in or holds. A sentence about another firm on the same page
 * ("Northgate has $840 million more to invest") is not the company's.
 */
export function investmentsOf(
  documents: Document[],
  target: CompanyTarget,
  findings: FundingFinding[],
  read: PageReader = readPage,
): Investment[] {
  return documents.flatMap((document) => {
    const page = read(document, target);
    return page.units
      .filter((s) => STRATEGY.test(s) || HOLDING.test(s))
      .filter((s) => ownMentions(s, page.target, document) > 0 || SELF_SUBJECT.test(s))
      .filter((s) => !findings.some((f) => f.evidence === s))
      .map((s) => ({
        kind: HOLDING.test(s) ? ('holding' as const) : ('strategy' as const),
        value: s,
        sources: [document.url],
      }));
  });
}

/** Funding rounds read by the LLM: round name and investor names must appear in the quoted sentence, an amount needs a number there. */
async function llmFunding(context: ComponentContext, documents: Document[]): Promise<FundingFinding[]> {
  const records = await llmRecords(context, documents, {
    instruction:
      'List the funding rounds this company raised: date (ISO, as precise as stated, else null), round name as written (e.g. "Series B", else null), amount as a plain number in units (45 million = 45000000, else null), ISO currency code (else null), lead investors and all investors as named.',
    // A funding event as the report holds it; its sources are the document the record comes from.
    item: fundingEventSchema.omit({ sources: true }).shape,
    grounded: (item) => [item.round, ...item.leadInvestors, ...item.investors],
  });
  return records
    .filter(
      ({ item, evidence }) =>
        (item.amount === null || /\d/.test(evidence)) && (item.round !== null || item.amount !== null),
    )
    .map(({ item, evidence, document }) => ({
      event: {
        ...item,
        date: item.date ?? isoDay(document.publishedDate),
        investors: [...new Set([...item.leadInvestors, ...item.investors])],
        sources: [document.url],
      },
      evidence,
      document,
    }));
}
