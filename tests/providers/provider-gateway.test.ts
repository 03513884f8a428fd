import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/core/store/database';
import { RequestCache } from '../../src/core/providers/gateway/request-cache-store';
import {
  ProviderGateway,
  emptyStats,
  type GatewayCall,
  type GatewayLimits,
} from '../../src/core/providers/gateway/provider-gateway';
import type { ProviderError, ProviderResult } from '../../src/core/providers/types';
import { tempDir } from '../support/temp-dir';

const databases: Db[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

const LIMITS: GatewayLimits = {
  rateLimits: {},
  concurrency: 4,
  retries: 2,
  retryBaseMs: 1,
  requestTimeoutMs: 5_000,
  maxRetryAfterMs: 50,
};

function gateway(limits: Partial<GatewayLimits> = {}) {
  const db = openDatabase(tempDir());
  databases.push(db);
  return new ProviderGateway(new RequestCache(db), { ...LIMITS, ...limits });
}

function call(overrides: Partial<GatewayCall> = {}): GatewayCall {
  return {
    section: 'overview',
    ttlHours: 24,
    refresh: false,
    signal: new AbortController().signal,
    stats: emptyStats(),
    ...overrides,
  };
}

const ok = <T>(data: T): ProviderResult<T> => ({
  ok: true,
  data,
  meta: { provider: 'p', latencyMs: 1, cached: false },
});
const fail = (error: ProviderError): ProviderResult<never> => ({
  ok: false,
  error,
  meta: { provider: 'p', latencyMs: 1 },
});

/** A provider that answers from a script, one entry per call, and counts its calls. */
function scripted<T>(...answers: ProviderResult<T>[]) {
  const provider = {
    calls: 0,
    send: async (_signal: AbortSignal) => {
      provider.calls += 1;
      return answers[Math.min(provider.calls, answers.length) - 1]!;
    },
  };
  return provider;
}

describe('ProviderGateway', () => {
  it('answers a repeated request from the cache: same parameters in any key order or query spacing', async () => {
    const g = gateway();
    const provider = scripted(ok({ answer: 42 }));
    const first = call();
    expect(
      await g.request(
        {
          provider: 'tavily',
          endpoint: '/search',
          params: { query: 'Acme  Corp', maxResults: 5 },
          send: provider.send,
        },
        first,
      ),
    ).toMatchObject({ ok: true, data: { answer: 42 }, meta: { cached: false } });
    const second = call();
    expect(
      await g.request(
        { provider: 'tavily', endpoint: '/search', params: { maxResults: 5, query: 'acme corp' }, send: provider.send },
        second,
      ),
    ).toMatchObject({ ok: true, data: { answer: 42 }, meta: { cached: true } });
    expect(provider.calls).toBe(1);
    expect(first.stats).toMatchObject({ providerCalls: 1, cacheHits: 0 });
    expect(second.stats).toMatchObject({ providerCalls: 0, cacheHits: 1 });
    // Another endpoint or other parameters are another question.
    await g.request(
      { provider: 'tavily', endpoint: '/search', params: { query: 'acme corp', maxResults: 6 }, send: provider.send },
      call(),
    );
    expect(provider.calls).toBe(2);
  });

  it('retries transient errors and stops at the first success', async () => {
    const provider = scripted<string>(
      fail({ kind: 'server', message: '500' }),
      fail({ kind: 'network', message: 'reset' }),
      ok('fine'),
    );
    const c = call();
    expect(
      await gateway().request({ provider: 'p', endpoint: '/x', params: {}, send: provider.send }, c),
    ).toMatchObject({ ok: true, data: 'fine' });
    expect(provider.calls).toBe(3);
    expect(c.stats.providerCalls).toBe(3);
  });

  it('gives up after the configured retries with the last error', async () => {
    const provider = scripted<string>(fail({ kind: 'server', message: 'still down' }));
    const result = await gateway({ retries: 1 }).request(
      { provider: 'p', endpoint: '/x', params: {}, send: provider.send },
      call(),
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', message: 'still down' } });
    expect(provider.calls).toBe(2);
  });

  it('does not retry what a retry cannot fix (a refused key, a bad request), nor a Retry-After past the limit', async () => {
    for (const error of [
      { kind: 'auth', message: '401' },
      { kind: 'bad_request', message: '400' },
      { kind: 'rate_limit', message: '429', retryAfterMs: 60_000 },
    ] as ProviderError[]) {
      const provider = scripted<string>(fail(error), ok('never'));
      const result = await gateway().request(
        { provider: 'p', endpoint: '/x', params: {}, send: provider.send },
        call(),
      );
      expect(result).toMatchObject({ ok: false, error: { kind: error.kind } });
      expect(provider.calls).toBe(1);
    }
  });

  it('serves the cached answer, marked stale, when a refresh fails for a transient reason; not when the key is refused', async () => {
    const g = gateway();
    const spec = { provider: 'p', endpoint: '/x', params: { q: 1 } };
    await g.request({ ...spec, send: scripted(ok('old answer')).send }, call());
    const offline = call({ refresh: true });
    expect(
      await g.request({ ...spec, send: scripted<string>(fail({ kind: 'network', message: 'offline' })).send }, offline),
    ).toMatchObject({ ok: true, data: 'old answer', meta: { cached: true, stale: true } });
    expect(offline.stats).toMatchObject({ stale: true, cacheHits: 1 });
    const refused = await g.request(
      { ...spec, send: scripted<string>(fail({ kind: 'auth', message: 'bad key' })).send },
      call({ refresh: true }),
    );
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  it('never has more calls in flight than its concurrency', async () => {
    const g = gateway({ concurrency: 2 });
    let inFlight = 0;
    let most = 0;
    const send = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return ok('x');
    };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        g.send({ provider: 'p', endpoint: '/x', params: { i }, send }, { signal: new AbortController().signal }),
      ),
    );
    expect(most).toBe(2);
  });

  it('ends a call whose step is cancelled as cancelled, without sending it again', async () => {
    const controller = new AbortController();
    let calls = 0;
    const send = async () => {
      calls += 1;
      controller.abort();
      return fail({ kind: 'network', message: 'aborted' });
    };
    const result = await gateway().send(
      { provider: 'p', endpoint: '/x', params: {}, send },
      { signal: controller.signal },
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(calls).toBe(1);
  });

  it('does not cache what send() returns uncached', async () => {
    const g = gateway();
    const provider = scripted(ok('draft'));
    await g.send(
      { provider: 'p', endpoint: '/x', params: {}, send: provider.send },
      { signal: new AbortController().signal },
    );
    await g.request({ provider: 'p', endpoint: '/x', params: {}, send: provider.send }, call());
    expect(provider.calls).toBe(2);
  });
});
