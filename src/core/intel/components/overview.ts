import { OVERVIEW_FIELDS, type CompanyReport } from '../../domain/intel';
import { makeFact, type Component } from '../component';
import { relevantDocuments } from '../relevance';
import { extractOverview } from '../extract/overview';
import { groupValues } from '../extract/finding';
import { llmFindings } from '../extract/llm-findings';

const FIELD_DESCRIPTIONS: Record<(typeof OVERVIEW_FIELDS)[number], string> = {
  description: 'one sentence saying what the company does',
  industry: 'the industry',
  headquarters: 'headquarters city and region or country',
  founded: 'founding year, four digits',
  employees: 'number of employees, digits only',
  products: 'one product or service name per fact',
};

export const overviewComponent: Component = {
  name: 'overview',
  section: 'overview',
  async run(context) {
    const { target } = context;
    const documents = relevantDocuments(
      await context.search({ query: `${target.name} company overview headquarters founded employees products`, maxResults: 8, includeRawContent: true, ...(target.domain ? {} : {}) }),
      target,
    );
    const findings = context.llm
      ? await llmFindings(context, documents, OVERVIEW_FIELDS.map((name) => ({ name, description: FIELD_DESCRIPTIONS[name] })))
      : extractOverview(documents, target);
    const overview = Object.fromEntries(OVERVIEW_FIELDS.map((field) => [field, groupValues(findings, field)])) as CompanyReport['overview'];
    // Several sentences of one source may state the description; keep the one from the best-ranked source only once.
    overview.description = overview.description.slice(0, 3);
    return {
      facts: findings.map((f) => makeFact({ section: 'overview', kind: f.field, value: f.value, text: `${f.field}: ${f.value}`, document: f.document, evidence: f.evidence, confidence: context.llm ? 0.75 : 0.65 })),
      notFound: OVERVIEW_FIELDS.filter((field) => overview[field].length === 0).map((field) => `overview.${field}`),
      apply(report) {
        report.overview = overview;
      },
    };
  },
};
