import { createHash } from 'node:crypto';
import type { Db } from '../../store/database';

export interface CacheEntry<T> {
  response: T;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** Parameters as a canonical string: keys sorted, query text lower-cased with whitespace collapsed, arrays sorted. */
export function normaliseParams(params: unknown): string {
  const canonical = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key === 'query' ? value.toLowerCase().replace(/\s+/g, ' ').trim() : value;
    if (Array.isArray(value)) return value.map((v) => canonical(v)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v, k)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(params));
}

export function cacheKey(provider: string, endpoint: string, params: unknown): string {
  return createHash('sha256').update(`${provider}\n${endpoint}\n${normaliseParams(params)}`).digest('hex');
}

/**
 * Provider responses in `request_cache`, with a lifetime per report section. Expired entries are kept
 * (overwritten on the next successful call) so they can be served, marked stale, when the provider is
 * unreachable. Requests are stored without headers: keys never reach the cache.
 */
export class RequestCache {
  private readonly readStatement;
  private readonly writeStatement;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.readStatement = db.prepare<[string], { response: string; created_at: string; expires_at: string }>('SELECT response, created_at, expires_at FROM request_cache WHERE key = ?');
    this.writeStatement = db.prepare(
      `INSERT INTO request_cache (key, provider, endpoint, section, request, response, created_at, expires_at)
       VALUES (@key, @provider, @endpoint, @section, @request, @response, @createdAt, @expiresAt)
       ON CONFLICT(key) DO UPDATE SET response = excluded.response, section = excluded.section, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    );
  }

  get<T>(key: string): CacheEntry<T> | null {
    const row = this.readStatement.get(key);
    if (!row) return null;
    return { response: JSON.parse(row.response) as T, createdAt: row.created_at, expiresAt: row.expires_at, expired: Date.parse(row.expires_at) <= this.now() };
  }

  put(entry: { key: string; provider: string; endpoint: string; section: string; request: unknown; response: unknown; ttlHours: number }): void {
    const now = this.now();
    this.writeStatement.run({
      key: entry.key,
      provider: entry.provider,
      endpoint: entry.endpoint,
      section: entry.section,
      request: JSON.stringify(entry.request),
      response: JSON.stringify(entry.response),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + entry.ttlHours * 3_600_000).toISOString(),
    });
  }
}
