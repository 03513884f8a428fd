import { makeFact, type Component } from '../component';
import { relevantDocuments } from '../relevance';
import { extractNews } from '../extract/news';

export const newsComponent: Component = {
  name: 'news',
  section: 'news',
  async run(context) {
    const { target } = context;
    const documents = relevantDocuments(await context.search({ query: `${target.name}`, topic: 'news', timeRange: 'year', maxResults: 10 }), target);
    const findings = extractNews(documents, target);
    return {
      facts: findings.map((f) => makeFact({ section: 'news', kind: 'news_event', value: f.event, text: `${f.event.date ?? 'undated'}: ${f.event.title}`, document: f.document, evidence: f.evidence, confidence: 0.8 })),
      notFound: findings.length === 0 ? ['news'] : [],
      apply(report) {
        report.news = findings.map((f) => f.event);
      },
    };
  },
};
