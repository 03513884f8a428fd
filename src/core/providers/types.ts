import type { z } from 'zod';
import type { providerErrorSchema } from '../intel/domain';

/** The brief's provider contract: typed data or a typed error, always with latency. */
export type ProviderError = z.infer<typeof providerErrorSchema>;
export type ProviderErrorKind = ProviderError['kind'];

export type ProviderResult<T> =
  | {
      ok: true;
      data: T;
      meta: { provider: string; latencyMs: number; cached: boolean; credits?: number; stale?: boolean };
    }
  | { ok: false; error: ProviderError; meta: { provider: string; latencyMs: number } };

/** Kinds worth retrying: the same request may succeed a moment later. */
export const RETRYABLE_KINDS: readonly ProviderErrorKind[] = ['rate_limit', 'server', 'network', 'timeout'];

export interface SearchRequest {
  query: string;
  searchDepth?: 'basic' | 'advanced';
  topic?: 'general' | 'news' | 'finance';
  timeRange?: 'day' | 'week' | 'month' | 'year';
  maxResults?: number;
  includeDomains?: string[];
  includeRawContent?: boolean;
}

/** One search hit in the shape every search provider (web or local library) returns. */
export interface SearchHit {
  url: string;
  title: string;
  /** The relevant excerpt. */
  content: string;
  /** The whole page or document text when asked for and available. */
  rawContent: string | null;
  publishedDate: string | null;
  score: number;
}

export interface SearchResponse {
  query: string;
  results: SearchHit[];
}

export interface ExtractResponse {
  results: { url: string; rawContent: string }[];
  failed: { url: string; error: string }[];
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SearchProvider {
  readonly id: string;
  /** Remote providers are rate limited, retried and cached; the local library is none of these. */
  readonly remote: boolean;
  search(request: SearchRequest, options?: CallOptions): Promise<ProviderResult<SearchResponse>>;
}

export function providerFailure(provider: string, started: number, error: ProviderError): ProviderResult<never> {
  return { ok: false, error, meta: { provider, latencyMs: performance.now() - started } };
}
