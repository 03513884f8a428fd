import { z } from 'zod';
import type { Executive } from '../domain';
import { makeFact, type Component } from '../component';
import { otherName, relevantDocuments, searchName, titleNamesAnother } from '../relevance';
import { extractExecutives, functionOf, seniorityOf } from '../extract/executives';
import { normaliseKey } from '../text';
import { llmRecords } from '../extract/llm-findings';
import type { Finding } from '../extract/finding';
import type { CompanyTarget, ComponentContext, Document } from '../component';

const SENIORITY_ORDER: Executive['seniority'][] = ['founder', 'c_level', 'board', 'vp', 'head', 'director', 'other'];

/**
 * What a careful researcher types to learn who runs a company, sent side by side: its team page; who leads,
 * founded or was appointed to it; and the officers that news and filings name only by title ("Dave Roe,
 * Varda's vice president of ..."). Pages of that last kind call the company by its short form, so that search
 * quotes the short form when the company has one, with the rest of its name to rank by, or the other name its
 * own site gives it ("Mercury General" for Mercury Insurance), the name filings and directories use.
 */
export function executiveQueries(target: CompanyTarget): string[] {
  const name = searchName(target);
  const { shortName } = target;
  const other = otherName(target);
  const short = other
    ? `"${other}"`
    : shortName && target.name.startsWith(`${shortName} `)
      ? `"${shortName}" ${target.name.slice(shortName.length + 1)}`
      : name;
  return [
    `${name} leadership team executives`,
    `${name} CEO founder president appointed`,
    `${short} chief executive officer chief operating officer vice president`,
  ];
}

export const executivesComponent: Component = {
  name: 'executives',
  section: 'executives',
  async run(context) {
    const { target } = context;
    const results = await Promise.all(
      executiveQueries(target).map((query) => context.search({ query, maxResults: 10, includeRawContent: true })),
    );
    const documents = relevantDocuments(results.flat(), target).filter((d) => !titleNamesAnother(d, target));
    const findings = context.llm
      ? await llmExecutives(context, documents)
      : await extractExecutives(documents, target, context.read, context.now);
    const byPerson = new Map<string, Executive>();
    for (const finding of findings) {
      const [name, title] = finding.value.split(' | ') as [string, string];
      const key = normaliseKey(name);
      const existing = byPerson.get(key);
      if (existing) {
        if (!existing.sources.includes(finding.document.url)) existing.sources.push(finding.document.url);
        continue;
      }
      byPerson.set(key, {
        name,
        title,
        function: functionOf(title),
        seniority: seniorityOf(title),
        sources: [finding.document.url],
        origin: 'found',
      });
    }
    const executives = [...byPerson.values()]
      .sort(
        (a, b) =>
          SENIORITY_ORDER.indexOf(a.seniority) - SENIORITY_ORDER.indexOf(b.seniority) ||
          b.sources.length - a.sources.length,
      )
      .slice(0, context.maxExecutives);
    const kept = new Set(executives.map((e) => normaliseKey(e.name)));
    return {
      facts: findings
        .filter((f) => kept.has(normaliseKey(f.value.split(' | ')[0]!)))
        .map((f) => {
          const [name, title] = f.value.split(' | ') as [string, string];
          return makeFact({
            section: 'executives',
            kind: 'executive',
            value: { name, title },
            text: `${name}, ${title}`,
            document: f.document,
            evidence: f.evidence,
            confidence: 0.7,
          });
        }),
      notFound: executives.length === 0 ? ['executives'] : [],
      apply(report) {
        report.executives = executives;
      },
    };
  },
};

/** Executives read by the LLM: the person's name must appear in the quoted sentence. */
async function llmExecutives(context: ComponentContext, documents: Document[]): Promise<Finding[]> {
  const records = await llmRecords(context, documents, {
    instruction:
      'List the people the documents name as executives, founders, board members or other decision makers of this company, each with the title the document gives.',
    item: { name: z.string(), title: z.string() },
    grounded: (item) => [item.name],
  });
  return records.flatMap(({ item, evidence, document }) =>
    item.name.trim() && item.title.trim()
      ? [{ field: 'executive', value: `${item.name.trim()} | ${item.title.trim()}`, evidence, document }]
      : [],
  );
}
