import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startJsonServer, type LoopbackServer, type RecordedRequest, type ScriptedResponse } from './http-server';

/** One result as Tavily's `/search` returns it. */
export interface TavilyResult {
  title: string;
  url: string;
  content: string;
  score: number;
  /** `null`: Tavily could not fetch the page during the search (only `/extract` reads it, see `page_text`). */
  raw_content?: string | null;
  published_date?: string;
  /** The whole page as `/extract` returns it; defaults to `raw_content`, then `content`. */
  page_text?: string;
}

/** Results served for any query containing `match` (case-insensitive); optional topic restriction. */
export interface TavilyFixture {
  match: string;
  topic?: 'general' | 'news' | 'finance';
  results: TavilyResult[];
}

/** A scripted failure (or slow answer) served instead of the fixture, `times` times (default 1). */
export interface TavilyFault extends ScriptedResponse {
  /** Only for queries containing this text; else for any request. */
  match?: string;
  times?: number;
}

/** A searchable collection of pages, ranked per query as a search engine would (instead of `match` fixtures). */
export interface TavilyCorpus {
  search(request: { query: string; topic: string; maxResults: number }): TavilyResult[];
  /** A page's whole text by URL, for `/extract`. */
  page(url: string): string | undefined;
}

export interface FakeTavilyOptions {
  latencyMs?: number;
  fixtures?: TavilyFixture[];
  corpus?: TavilyCorpus;
  /** The only key accepted; other keys get 401 as Tavily answers. */
  apiKey?: string;
  faults?: TavilyFault[];
}

export interface FakeTavily extends LoopbackServer {
  /** Queue more faults while running. */
  fault(fault: TavilyFault): void;
  /** `/search` requests only. */
  searches(): RecordedRequest[];
  /** `/extract` requests only. */
  extracts(): RecordedRequest[];
}

/** A query's words as a fixture's `match` is compared with them: lower case, quotes (a phrase search) ignored. */
const words = (query: string) => query.replace(/"/g, '').toLowerCase();

export const FAKE_TAVILY_KEY = 'tvly-dev-test-key';

/**
 * A loopback server speaking Tavily's wire format: `POST /search` and `POST /extract`, `Authorization:
 * Bearer <key>`, snake_case bodies, `{"detail":{"error":...}}` errors, `usage.credits` when asked.
 */
export async function startFakeTavily(options: FakeTavilyOptions = {}): Promise<FakeTavily> {
  const fixtures = options.fixtures ?? [];
  const faults = [...(options.faults ?? [])];
  const apiKey = options.apiKey ?? FAKE_TAVILY_KEY;
  const latency = options.latencyMs ?? 0;

  const handle = (request: RecordedRequest): ScriptedResponse => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = typeof body.query === 'string' ? body.query : '';
    const faultIndex = faults.findIndex((f) => !f.match || query.toLowerCase().includes(f.match.toLowerCase()));
    if (faultIndex >= 0) {
      const fault = faults[faultIndex]!;
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(faultIndex, 1);
      return { delayMs: latency, ...fault };
    }
    if (request.headers.authorization !== `Bearer ${apiKey}`)
      return {
        status: 401,
        delayMs: latency,
        body: { detail: { error: 'Unauthorized: missing or invalid API key.' } },
      };
    if (request.method !== 'POST') return { status: 405, body: { detail: { error: 'Method Not Allowed' } } };
    if (request.path === '/search') return search(body, query);
    if (request.path === '/extract') return extract(body);
    return { status: 404, body: { detail: 'Not Found' } };
  };

  const search = (body: Record<string, unknown>, query: string): ScriptedResponse => {
    if (!query) return { status: 400, delayMs: latency, body: { detail: { error: 'Query is missing.' } } };
    const topic = (body.topic as string | undefined) ?? 'general';
    const max = typeof body.max_results === 'number' ? body.max_results : 5;
    const includeRaw = Boolean(body.include_raw_content);
    const matching = options.corpus
      ? options.corpus.search({ query, topic, maxResults: max })
      : fixtures
          .filter((f) => words(query).includes(f.match.toLowerCase()) && (!f.topic || f.topic === topic))
          .flatMap((f) => f.results);
    const results = matching.slice(0, max).map(({ page_text: _page, ...r }) => ({
      ...r,
      raw_content: includeRaw && r.raw_content !== null ? (r.raw_content ?? r.content) : null,
    }));
    const credits = body.search_depth === 'advanced' ? 2 : 1;
    return {
      delayMs: latency,
      body: {
        query,
        answer: null,
        images: [],
        results,
        response_time: latency / 1000,
        ...(body.include_usage ? { usage: { credits } } : {}),
        request_id: `req-${Math.random().toString(36).slice(2)}`,
      },
    };
  };

  const extract = (body: Record<string, unknown>): ScriptedResponse => {
    const urls = Array.isArray(body.urls) ? (body.urls as string[]) : typeof body.urls === 'string' ? [body.urls] : [];
    const all = fixtures.flatMap((f) => f.results);
    const pageText = (url: string) => {
      const result = all.find((r) => r.url === url);
      return result ? (result.page_text ?? result.raw_content ?? result.content) : options.corpus?.page(url);
    };
    const results = urls.flatMap((url) => {
      const text = pageText(url);
      return text === undefined ? [] : [{ url, raw_content: text, images: [] }];
    });
    const failed = urls
      .filter((url) => pageText(url) === undefined)
      .map((url) => ({ url, error: 'Failed to fetch url' }));
    return {
      delayMs: latency,
      body: {
        results,
        failed_results: failed,
        response_time: latency / 1000,
        ...(body.include_usage ? { usage: { credits: Math.ceil(results.length / 5) } } : {}),
      },
    };
  };

  const server = await startJsonServer(handle);
  return {
    ...server,
    fault: (fault) => faults.push(fault),
    searches: () => server.requests.filter((r) => r.path === '/search'),
    extracts: () => server.requests.filter((r) => r.path === '/extract'),
  };
}

const fixtureDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/intel/tavily');

/** The realistic fixtures in tests/fixtures/intel/tavily/*.json (each file: TavilyFixture[]), by file name. */
export function loadTavilyFixtures(...names: string[]): TavilyFixture[] {
  const files = names.length
    ? names.map((n) => `${n}.json`)
    : fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.json'));
  return files.flatMap((file) => JSON.parse(fs.readFileSync(path.join(fixtureDir, file), 'utf8')) as TavilyFixture[]);
}
