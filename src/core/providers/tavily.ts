import { z } from 'zod';
import { EXTRACT_RESPONSE_CAP, postJson, SEARCH_RESPONSE_CAP, type HttpOutcome } from './http';
import {
  providerFailure,
  type CallOptions,
  type ExtractResponse,
  type ProviderResult,
  type SearchProvider,
  type SearchRequest,
  type SearchResponse,
} from './types';

/** Tavily's `/search` response (fields we read; others are ignored). */
const tavilySearchSchema = z.object({
  query: z.string(),
  results: z.array(
    z.object({
      title: z.string(),
      url: z.string(),
      content: z.string(),
      score: z.number(),
      raw_content: z.string().nullish(),
      published_date: z.string().nullish(),
    }),
  ),
  response_time: z.union([z.number(), z.string()]).optional(),
  usage: z.object({ credits: z.number() }).optional(),
});

const tavilyExtractSchema = z.object({
  results: z.array(z.object({ url: z.string(), raw_content: z.string() })),
  failed_results: z.array(z.object({ url: z.string(), error: z.string() })).default([]),
  usage: z.object({ credits: z.number() }).optional(),
});

/** Tavily-specific statuses: 432 = the key's plan limit, 433 = the pay-as-you-go limit. 403 = key not allowed. */
const TAVILY_STATUS_KINDS = {
  400: 'bad_request',
  401: 'auth',
  403: 'auth',
  429: 'rate_limit',
  432: 'quota',
  433: 'quota',
} as const;

export interface TavilyOptions {
  baseUrl: string;
  /** Asked for at call time so a key changed in settings applies at once; never stored on the object. */
  apiKey: () => Promise<string | null>;
}

export class TavilyProvider implements SearchProvider {
  readonly id = 'tavily';
  readonly remote = true;

  constructor(private readonly options: TavilyOptions) {}

  async search(request: SearchRequest, call: CallOptions = {}): Promise<ProviderResult<SearchResponse>> {
    const started = performance.now();
    const outcome = await this.post('/search', toTavilySearchBody(request), call.signal, {
      schema: tavilySearchSchema,
      maxBytes: SEARCH_RESPONSE_CAP,
    });
    if (!outcome.ok) return providerFailure(this.id, started, outcome.error);
    const data: SearchResponse = {
      query: outcome.data.query,
      results: outcome.data.results.map((r) => ({
        url: r.url,
        title: r.title,
        content: r.content,
        rawContent: r.raw_content ?? null,
        publishedDate: r.published_date ?? null,
        score: r.score,
      })),
    };
    const credits = outcome.data.usage?.credits ?? (request.searchDepth === 'advanced' ? 2 : 1);
    return {
      ok: true,
      data,
      meta: { provider: this.id, latencyMs: performance.now() - started, cached: false, credits },
    };
  }

  async extract(urls: string[], call: CallOptions = {}): Promise<ProviderResult<ExtractResponse>> {
    const started = performance.now();
    const outcome = await this.post(
      '/extract',
      { urls, extract_depth: 'basic', format: 'text', include_usage: true },
      call.signal,
      { schema: tavilyExtractSchema, maxBytes: EXTRACT_RESPONSE_CAP },
    );
    if (!outcome.ok) return providerFailure(this.id, started, outcome.error);
    return {
      ok: true,
      data: {
        results: outcome.data.results.map((r) => ({ url: r.url, rawContent: r.raw_content })),
        failed: outcome.data.failed_results,
      },
      meta: {
        provider: this.id,
        latencyMs: performance.now() - started,
        cached: false,
        credits: outcome.data.usage?.credits ?? Math.ceil(urls.length / 5),
      },
    };
  }

  /** One call to a Tavily endpoint, the key (read now) as a bearer token; without a key, an auth failure and no call. */
  private async post<T>(
    path: string,
    body: unknown,
    signal: AbortSignal | undefined,
    response: { schema: z.ZodType<T>; maxBytes: number },
  ): Promise<HttpOutcome<T>> {
    const key = await this.options.apiKey();
    if (!key) return { ok: false, error: { kind: 'auth', message: 'No Tavily API key is set.' } };
    return postJson(
      {
        url: `${this.options.baseUrl.replace(/\/+$/, '')}${path}`,
        headers: { authorization: `Bearer ${key}` },
        body,
        signal,
        label: 'Tavily',
        maxResponseBytes: response.maxBytes,
      },
      response.schema,
      TAVILY_STATUS_KINDS,
    );
  }
}

/** Tavily's documented request parameters (snake_case); unset options are left to Tavily's defaults. */
export function toTavilySearchBody(request: SearchRequest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    query: request.query,
    search_depth: request.searchDepth ?? 'basic',
    topic: request.topic ?? 'general',
    max_results: request.maxResults ?? 5,
    include_raw_content: request.includeRawContent ?? false,
    include_answer: false,
    include_usage: true,
  };
  if (request.timeRange) body.time_range = request.timeRange;
  if (request.includeDomains?.length) body.include_domains = request.includeDomains;
  return body;
}
