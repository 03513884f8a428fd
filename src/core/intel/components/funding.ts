import { makeFact, type Component } from '../component';
import { relevantDocuments, usableSentences } from '../relevance';
import { extractFunding, mergeFunding } from '../extract/funding';
import type { Investment } from '../../domain/intel';

const STRATEGY = /\b(?:invests? in|focus(?:es|ed)? on|strategy|specializ(?:es|ing) in)\b/i;
const HOLDING = /\b(?:portfolio (?:includes|companies include)|holdings include|has invested in|backed)\b/i;

export const fundingComponent: Component = {
  name: 'funding',
  section: 'funding',
  async run(context) {
    const { target } = context;
    const documents = relevantDocuments(await context.search({ query: `${target.name} funding round raised investors`, maxResults: 8, includeRawContent: true }), target);
    const findings = extractFunding(documents, target);
    const funding = mergeFunding(findings);
    // For an investment firm, sources describe what it invests in rather than rounds it raised.
    const investments: Investment[] = documents.flatMap((document) =>
      usableSentences(document, target)
        .filter((s) => STRATEGY.test(s) || HOLDING.test(s))
        .filter((s) => !findings.some((f) => f.evidence === s))
        .map((s) => ({ kind: HOLDING.test(s) ? ('holding' as const) : ('strategy' as const), value: s, sources: [document.url] })),
    );
    return {
      facts: [
        ...findings.map((f) =>
          makeFact({ section: 'funding', kind: 'funding_round', value: f.event, text: [f.event.round, f.event.amount ? `${f.event.currency} ${f.event.amount}` : null, f.event.date].filter(Boolean).join(', '), document: f.document, evidence: f.evidence, confidence: 0.7 }),
        ),
        ...investments.map((i) => makeFact({ section: 'funding', kind: `investment_${i.kind}`, value: i.value, text: i.value, document: documents.find((d) => d.url === i.sources[0])!, evidence: i.value, confidence: 0.5 })),
      ],
      notFound: funding.length === 0 && investments.length === 0 ? ['funding'] : [],
      apply(report) {
        report.funding = funding;
        report.investments = investments;
      },
    };
  },
};
