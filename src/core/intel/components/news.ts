import { z } from 'zod';
import { makeFact, type Component } from '../component';
import { relevantDocuments, searchName } from '../relevance';
import { extractNews, whyNowScore, type NewsFinding } from '../extract/news';
import { TRIGGER_KINDS } from '../domain';
import type { ComponentContext, Document } from '../component';
import { llmRecords } from '../extract/llm-findings';
import { findDate, isoDay } from '../dates';
import { looksLikeInstruction } from '../text';

export const newsComponent: Component = {
  name: 'news',
  section: 'news',
  readsTheClock: true,
  async run(context) {
    const { target } = context;
    const documents = relevantDocuments(
      await context.search({ query: searchName(target), topic: 'news', timeRange: 'year', maxResults: 10 }),
      target,
    );
    // Only pages that report an event make news, whichever extractor reads them.
    const findings = context.llm
      ? await llmNews(
          context,
          documents.filter((d) => context.read(d, target).newsLike),
        )
      : extractNews(documents, target, context.now, context.read);
    return {
      facts: findings.map((f) =>
        makeFact({
          section: 'news',
          kind: 'news_event',
          value: f.event,
          text: `${f.event.date ?? 'undated'}: ${f.event.title}`,
          document: f.document,
          evidence: f.evidence,
          confidence: 0.8,
        }),
      ),
      notFound: findings.length === 0 ? ['news'] : [],
      apply(report) {
        report.news = findings.map((f) => f.event);
      },
    };
  },
};

/**
 * News read by the LLM: it picks the sentence that states each item's event and classifies the trigger. The
 * summary is that quoted sentence and the title the document's own, so the model writes no text of its own.
 */
async function llmNews(context: ComponentContext, documents: Document[]): Promise<NewsFinding[]> {
  const records = await llmRecords(context, documents, {
    instruction: `For each news document about this company, quote the one sentence that states what happened and classify it as one of: ${TRIGGER_KINDS.join(', ')}.`,
    item: { trigger: z.enum(TRIGGER_KINDS) },
  });
  const seen = new Set<string>();
  return records
    .filter(
      ({ document }) =>
        !looksLikeInstruction(document.title) && !seen.has(document.url) && Boolean(seen.add(document.url)),
    )
    .map(({ item, evidence, document }) => {
      const date = isoDay(document.publishedDate) ?? findDate(evidence);
      return {
        event: {
          date,
          title: document.title,
          summary: evidence,
          trigger: item.trigger,
          score: whyNowScore(item.trigger, date, context.now),
          sources: [document.url],
        },
        evidence,
        document,
      };
    })
    .sort((a, b) => b.event.score - a.event.score);
}
