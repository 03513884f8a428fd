import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';

export interface CacheEntry<T> {
  response: T;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/**
 * Provider responses in `request_cache`, with a lifetime per report section. Expired entries are kept
 * (overwritten on the next successful call) so they can be served, marked stale, when the provider is
 * unreachable. Requests are stored without headers: keys never reach the cache.
 */
export class RequestCache {
  private readonly statements;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = statements(db, {
      read: sql<[string], { response: string; created_at: string; expires_at: string }>(
        'SELECT response, created_at, expires_at FROM request_cache WHERE key = ?',
      ),
      stamp: sql<[string], { created_at: string; expires_at: string }>(
        'SELECT created_at, expires_at FROM request_cache WHERE key = ?',
      ),
      write: sql<[Record<string, string>]>(
        `INSERT INTO request_cache (key, provider, endpoint, section, request, response, created_at, expires_at)
         VALUES (@key, @provider, @endpoint, @section, @request, @response, @createdAt, @expiresAt)
         ON CONFLICT(key) DO UPDATE SET response = excluded.response, section = excluded.section, created_at = excluded.created_at, expires_at = excluded.expires_at`,
      ),
    });
  }

  get<T>(key: string): CacheEntry<T> | null {
    const row = this.statements.read.get(key);
    if (!row) return null;
    return {
      response: JSON.parse(row.response) as T,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      expired: Date.parse(row.expires_at) <= this.now(),
    };
  }

  /** When an entry was stored and whether it has expired, without reading its response. */
  stamp(key: string): Omit<CacheEntry<never>, 'response'> | null {
    const row = this.statements.stamp.get(key);
    if (!row) return null;
    return { createdAt: row.created_at, expiresAt: row.expires_at, expired: Date.parse(row.expires_at) <= this.now() };
  }

  put(entry: {
    key: string;
    provider: string;
    endpoint: string;
    section: string;
    request: unknown;
    response: unknown;
    ttlHours: number;
  }): void {
    const now = this.now();
    this.statements.write.run({
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
