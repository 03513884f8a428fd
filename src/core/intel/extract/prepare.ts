import type { CompanyTarget, Document } from '../component';
import { extractExecutives, loadPersonTagger } from './executives';
import { extractFunding } from './funding';
import { extractNews } from './news';
import { extractOverview } from './overview';

const SAMPLE_TARGET: CompanyTarget = { name: 'Acme Robotics', domain: 'acme.example', aliases: [], others: [] };
const SAMPLE_TEXT = [
  'Skip to content',
  'AUSTIN, Texas, Feb. 3, 2025 /PRNewswire/ -- Acme Robotics, a robotics company based in Austin, today announced it raised $45 million in a Series B round led by Accel, with participation from Index Ventures.',
  'Jane Doe, co-founder and CEO of Acme Robotics, said the round will fund hiring. Acme Robotics was founded in 2015.',
  'John Roe - Chief Financial Officer',
].join('\n');
const SAMPLE: Document = {
  url: 'https://acme.example/news',
  title: 'Acme Robotics raises $45 million',
  content: SAMPLE_TEXT,
  rawContent: SAMPLE_TEXT,
  publishedDate: '2025-02-03',
  score: 1,
  provider: 'sample',
};

let prepared: Promise<void> | undefined;

/**
 * Loads the person tagger and runs every deterministic extractor twice on a sample page, once per thread,
 * before a lookup sends anything. V8 compiles a regular expression at its first use and again, to machine
 * code, at its second; with the tagger's load that holds the thread for up to a second, and a thread held
 * while its requests are already past the rate limiter lets them reach the provider together.
 */
export function prepareExtraction(): Promise<void> {
  return (prepared ??= (async () => {
    await loadPersonTagger();
    for (let i = 0; i < 2; i++) {
      await extractExecutives([SAMPLE], SAMPLE_TARGET);
      extractFunding([SAMPLE], SAMPLE_TARGET);
      extractOverview([SAMPLE], SAMPLE_TARGET);
      extractNews([SAMPLE], SAMPLE_TARGET);
    }
  })());
}
