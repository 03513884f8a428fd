import { setTimeout as delay } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';
import pRetry, { AbortError } from 'p-retry';
import {
  RETRYABLE_KINDS,
  type ProviderError,
  type ProviderResult,
  type SearchProvider,
  type SearchRequest,
  type SearchResponse,
} from '../types';
import { cacheKey } from './request-cache';
import type { RequestCache } from './request-cache-store';
import type { Settings } from '../../settings/schema';
import { TokenBucket, sharedBucketMemory } from './token-bucket';

/** Counters of one step: what the run log and the report show. */
export interface CallStats {
  providerCalls: number;
  cacheHits: number;
  credits: number;
  stale: boolean;
}

export function emptyStats(): CallStats {
  return { providerCalls: 0, cacheHits: 0, credits: 0, stale: false };
}

export interface GatewayLimits {
  rateLimits: Record<string, { requestsPerMinute: number; burst: number }>;
  concurrency: number;
  retries: number;
  retryBaseMs: number;
  requestTimeoutMs: number;
  /** Longest Retry-After honoured before giving up on the call. */
  maxRetryAfterMs: number;
}

export interface GatewayCall {
  section: string;
  ttlHours: number;
  refresh: boolean;
  signal: AbortSignal;
  stats: CallStats;
  /** Where to note each fresh cached answer served (its key and when it was stored). */
  answers?: CachedAnswer[];
}

/** A fresh answer the cache served: while the entry under `key` was stored at `createdAt`, it is the same answer. */
export interface CachedAnswer {
  key: string;
  createdAt: string;
}

/** An uncached call's context: cancellation, and optionally the step counters to add to. */
export interface UncachedCall {
  signal: AbortSignal;
  stats?: CallStats;
}

/** A remote call as the gateway sees it: who answers, what is asked (the cache key), and how to send it. */
export interface GatewayRequest<T> {
  provider: string;
  endpoint: string;
  params: unknown;
  send(signal: AbortSignal): Promise<ProviderResult<T>>;
}

class ProviderCallError extends Error {
  constructor(readonly providerError: ProviderError) {
    super(providerError.message);
  }
}

/** Offline or failing: an expired cached answer is better than none, and is marked stale. */
const STALE_SERVABLE: readonly ProviderError['kind'][] = ['network', 'timeout', 'server', 'rate_limit'];

/**
 * Every remote provider call goes through here: cache lookup, the provider's token bucket, the global
 * concurrency cap, a per-request timeout, and jittered retries for transient errors honouring Retry-After.
 * One gateway serves a whole process so limits hold across concurrent lookups.
 */
export class ProviderGateway {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly limit: LimitFunction;
  private readonly bucketMemory: Record<string, SharedArrayBuffer>;

  /** `bucketMemory`: another thread's `sharedBuckets()`, to draw on the same budgets as that thread's gateway. */
  constructor(
    private readonly cache: RequestCache,
    private readonly limits: GatewayLimits,
    bucketMemory?: Record<string, SharedArrayBuffer>,
  ) {
    this.limit = pLimit(limits.concurrency);
    this.bucketMemory =
      bucketMemory ?? Object.fromEntries(Object.keys(limits.rateLimits).map((id) => [id, sharedBucketMemory()]));
  }

  /** The token buckets' shared memory per provider, for a worker thread's gateway (see the constructor). */
  sharedBuckets(): Record<string, SharedArrayBuffer> {
    return this.bucketMemory;
  }

  /** A search through the cache, limits and retries (the local library is called directly: no network, no key). */
  search(provider: SearchProvider, request: SearchRequest, call: GatewayCall): Promise<ProviderResult<SearchResponse>> {
    if (!provider.remote) return provider.search(request, { signal: call.signal });
    return this.request(
      {
        provider: provider.id,
        endpoint: '/search',
        params: request,
        send: (signal) => provider.search(request, { signal }),
      },
      call,
    );
  }

  /**
   * One remote call of any kind (search, page extraction, LLM extraction): a fresh cached answer is
   * returned without a call; else the call goes through the token bucket, the concurrency cap and retries,
   * and its answer is cached. `params` must hold everything the answer depends on (never the key).
   */
  async request<T>(spec: GatewayRequest<T>, call: GatewayCall): Promise<ProviderResult<T>> {
    const key = cacheKey(spec.provider, spec.endpoint, spec.params);
    const cached = call.refresh ? null : this.cache.get<T>(key);
    if (cached && !cached.expired) {
      call.stats.cacheHits += 1;
      call.answers?.push({ key, createdAt: cached.createdAt });
      return { ok: true, data: cached.response, meta: { provider: spec.provider, latencyMs: 0, cached: true } };
    }
    const result = await this.send(spec, call);
    if (result.ok) {
      this.cache.put({
        key,
        provider: spec.provider,
        endpoint: spec.endpoint,
        section: call.section,
        request: spec.params,
        response: result.data,
        ttlHours: call.ttlHours,
      });
      return result;
    }
    const fallback = cached ?? (call.refresh ? this.cache.get<T>(key) : null);
    if (fallback && STALE_SERVABLE.includes(result.error.kind)) {
      call.stats.cacheHits += 1;
      call.stats.stale = true;
      return {
        ok: true,
        data: fallback.response,
        meta: { provider: spec.provider, latencyMs: result.meta.latencyMs, cached: true, stale: true },
      };
    }
    return result;
  }

  /**
   * One call past the cache, for answers that must not be reused (an outreach draft is written afresh each
   * time): the provider's token bucket, the concurrency cap, the request timeout and the retries, shared
   * with every cached call in this process so that together they stay within the provider's limit.
   */
  async send<T>(spec: GatewayRequest<T>, call: UncachedCall): Promise<ProviderResult<T>> {
    const started = performance.now();
    const stats = call.stats ?? emptyStats();
    const attempt = async () => {
      // The token is taken inside the concurrency slot, right before the request: taken before it, calls that
      // queued for a slot would leave together when slots free, a burst the bucket had not allowed.
      const result = await this.limit(async () => {
        await this.bucket(spec.provider)?.acquire(call.signal);
        return spec.send(AbortSignal.any([call.signal, AbortSignal.timeout(this.limits.requestTimeoutMs)]));
      });
      stats.providerCalls += 1;
      if (result.ok) {
        stats.credits += result.meta.credits ?? 0;
        return result;
      }
      // A cancelled run or an exhausted step timeout ends the call; only a single request's timeout is retried.
      if (call.signal.aborted) throw new AbortError(new ProviderCallError(stepAbortError(call.signal)));
      throw new ProviderCallError(result.error);
    };
    try {
      return await pRetry(attempt, {
        retries: this.limits.retries,
        minTimeout: this.limits.retryBaseMs,
        factor: 2,
        randomize: true,
        signal: call.signal,
        shouldRetry: ({ error }) =>
          error instanceof ProviderCallError &&
          RETRYABLE_KINDS.includes(error.providerError.kind) &&
          withinRetryAfter(error.providerError, this.limits.maxRetryAfterMs),
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const wait = error instanceof ProviderCallError ? error.providerError.retryAfterMs : undefined;
          if (wait && retriesLeft > 0 && wait <= this.limits.maxRetryAfterMs)
            await delay(wait, undefined, { signal: call.signal });
        },
      });
    } catch (error) {
      const providerError =
        error instanceof ProviderCallError
          ? error.providerError
          : call.signal.aborted
            ? stepAbortError(call.signal)
            : { kind: 'network' as const, message: `${spec.provider} call failed.` };
      return {
        ok: false,
        error: providerError,
        meta: { provider: spec.provider, latencyMs: performance.now() - started },
      };
    }
  }

  private bucket(providerId: string): TokenBucket | undefined {
    let bucket = this.buckets.get(providerId);
    const limit = this.limits.rateLimits[providerId];
    if (!bucket && limit) {
      bucket = new TokenBucket(limit.requestsPerMinute, limit.burst, this.bucketMemory[providerId]);
      this.buckets.set(providerId, bucket);
    }
    return bucket;
  }
}

/** The gateway's limits as settings describe them. */
export function gatewayLimits(settings: Settings): GatewayLimits {
  return {
    rateLimits: settings.rateLimits,
    concurrency: settings.intel.concurrency,
    retries: settings.intel.retries,
    retryBaseMs: settings.intel.retryBaseMs,
    requestTimeoutMs: settings.intel.requestTimeoutSeconds * 1000,
    maxRetryAfterMs: 60_000,
  };
}

/**
 * The one gateway of a thread, built on first use from the settings of that moment (changed rate limits
 * apply after a restart): lookups and drafting both call this, so a provider's token bucket is shared; a
 * worker thread passes the main thread's `sharedBuckets()` so its calls count against the same budget.
 */
export function sharedGateway(
  cache: RequestCache,
  settings: () => Settings,
  bucketMemory?: Record<string, SharedArrayBuffer>,
): () => ProviderGateway {
  let gateway: ProviderGateway | undefined;
  return () => (gateway ??= new ProviderGateway(cache, gatewayLimits(settings()), bucketMemory));
}

function withinRetryAfter(error: ProviderError, maxMs: number): boolean {
  return error.retryAfterMs === undefined || error.retryAfterMs <= maxMs;
}

function stepAbortError(signal: AbortSignal): ProviderError {
  const reason = signal.reason as { name?: string } | undefined;
  return reason?.name === 'TimeoutError'
    ? { kind: 'timeout', message: 'The step ran past its time limit.' }
    : { kind: 'cancelled', message: 'Cancelled.' };
}
