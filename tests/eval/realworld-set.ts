import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TavilyCorpus, TavilyResult } from '../support/providers/fake-tavily';

/** The real-text evaluation set: see tests/fixtures/intel/realworld/README.md for what each field means. */
export const PAGE_KINDS = [
  'press_release',
  'leadership',
  'filing',
  'news',
  'interview',
  'blog',
  'directory',
  'job_ad',
  'listicle',
  'cluttered',
] as const;
/** Page kinds that report an event: what a news section may be made of. */
export const NEWS_LIKE_KINDS: ReadonlySet<string> = new Set(['press_release', 'news', 'interview']);

const passageSchema = z.object({
  id: z.string().min(1),
  url: z.url(),
  title: z.string(),
  published_date: z.string().nullable(),
  page_kind: z.enum(PAGE_KINDS),
  about: z.string().min(1),
  text: z.string().min(1),
});
export type Passage = z.infer<typeof passageSchema>;

const fundingTruthSchema = z.object({
  round: z.string().nullable(),
  amount: z.number().nullable(),
  currency: z.string().nullable(),
  date: z.string().nullable(),
  leadInvestors: z.array(z.string()),
  investors: z.array(z.string()),
});
export type FundingTruth = z.infer<typeof fundingTruthSchema>;

const companySchema = z.object({
  company: z.string().min(1),
  query: z.string().min(1),
  pick: z.string().nullable().optional(),
  split: z.enum(['tune', 'holdout']),
  profile: z.object({
    country: z.string(),
    listing: z.enum(['public', 'private']),
    kind: z.enum(['company', 'investment_firm']),
    coverage: z.enum(['normal', 'little']),
  }),
  passages: z.array(passageSchema),
  truth: z.object({
    executives: z.array(z.object({ name: z.string(), title: z.string() })),
    optional: z.array(z.string()).default([]),
    funding: z.array(fundingTruthSchema),
    headquarters: z.string().nullable(),
    founded: z.string().nullable(),
    industry: z.array(z.string()),
    news: z.array(z.object({ passage: z.string(), date: z.string().nullable() })),
    mustNotAppear: z.array(z.string()),
  }),
});
export type EvalCompany = z.infer<typeof companySchema> & { file: string };

export const REALWORLD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/intel/realworld');

/** Every company file of the set, validated; a file that does not fit the format is named with the reason. */
export function loadRealworldSet(dir = REALWORLD_DIR): EvalCompany[] {
  const companies = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = companySchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { ...parsed.data, file };
    });
  const ids = new Set<string>();
  for (const company of companies) {
    for (const passage of company.passages) {
      if (ids.has(passage.id)) throw new Error(`${company.file}: passage id ${passage.id} is used twice in the set`);
      ids.add(passage.id);
    }
  }
  return companies;
}

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'of',
  'in',
  'on',
  'for',
  'to',
  'is',
  'company',
  'inc',
  'llc',
  'ltd',
  'corp',
]);
const tokens = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0 && !STOP_WORDS.has(t));

/** Tavily's `content`: an excerpt of the page, here its opening, cut at a word. */
function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= 500 ? flat : `${flat.slice(0, flat.lastIndexOf(' ', 500))} ...`;
}

/**
 * The set's passages as one search index, ranked by BM25 over title and text as a search engine would: a
 * query for "Mercury Systems leadership" also returns pages about Mercury Insurance, and a quoted phrase
 * must appear in the page. Every company's passages compete in every search.
 */
export function realworldCorpus(companies: EvalCompany[]): TavilyCorpus {
  const passages = companies.flatMap((c) => c.passages);
  const documents = passages.map((p) => {
    const words = tokens(`${p.title} ${p.text}`);
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    return {
      passage: p,
      counts,
      length: words.length,
      flat: `${p.title} ${p.text}`.replace(/\s+/g, ' ').toLowerCase(),
    };
  });
  const averageLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(documents.length, 1);
  const documentFrequency = new Map<string, number>();
  for (const d of documents)
    for (const word of d.counts.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const idf = (word: string) => {
    const n = documentFrequency.get(word) ?? 0;
    return Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
  };
  const toResult = (p: Passage, score: number): TavilyResult => ({
    title: p.title,
    url: p.url,
    content: snippet(p.text),
    score: Math.round(score * 1000) / 1000,
    raw_content: p.text,
    ...(p.published_date ? { published_date: p.published_date } : {}),
  });
  return {
    search({ query, maxResults }) {
      const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.toLowerCase());
      const words = [...new Set(tokens(query))];
      const scored = documents
        .filter((d) =>
          phrases.every((phrase) =>
            new RegExp(
              `(?<![\\p{L}\\p{N}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
              'u',
            ).test(d.flat),
          ),
        )
        .map((d) => ({
          d,
          score: words.reduce((sum, w) => {
            const tf = d.counts.get(w) ?? 0;
            return sum + (idf(w) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / averageLength));
          }, 0),
        }))
        .filter((s) => s.score > 0)
        .sort((a, b) => b.score - a.score || a.d.passage.id.localeCompare(b.d.passage.id));
      const top = scored[0]?.score ?? 1;
      return scored.slice(0, maxResults).map((s) => toResult(s.d.passage, s.score / top));
    },
    page: (url) => passages.find((p) => p.url === url)?.text,
  };
}
