import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';

export interface CacheEntry<T> {
  response: T;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** A `request_cache` row as written. */
type Row = {
  key: string;
  provider: string;
  endpoint: string;
  section: string;
  request: string;
  response: string;
  createdAt: string;
  expiresAt: string;
};

/** Rows put on a connection and not yet written, and the timer that will write them. */
interface Pending {
  rows: Map<string, Row>;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * How long a put waits to be written with the puts that follow it. A lookup's answers arrive together, and one
 * write each would commit each (WAL frames of whole pages) between an answer and the extraction waiting for it;
 * written a moment later they go out in one transaction while the lookup waits on the network, or with the
 * lookup's report when it stores first (`flush`).
 */
const WRITE_DELAY_MS = 25;

/** Per connection, so that every `RequestCache` on it (the gateway's, the step memo's) reads unwritten rows. */
const pendingByDb = new WeakMap<Db, Pending>();

/**
 * Provider responses in `request_cache`, with a lifetime per report section. Expired entries are kept
 * (overwritten on the next successful call) so they can be served, marked stale, when the provider is
 * unreachable. Requests are stored without headers: keys never reach the cache. A put is read at once and
 * written shortly after (see `WRITE_DELAY_MS`): a process that dies in between has only to ask again.
 */
export class RequestCache {
  private readonly statements;
  private readonly pending: Pending;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.pending = pendingByDb.get(db) ?? { rows: new Map() };
    pendingByDb.set(db, this.pending);
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
    const pending = this.pending.rows.get(key);
    const row = pending
      ? { response: pending.response, created_at: pending.createdAt, expires_at: pending.expiresAt }
      : this.statements.read.get(key);
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
    const pending = this.pending.rows.get(key);
    const row = pending
      ? { created_at: pending.createdAt, expires_at: pending.expiresAt }
      : this.statements.stamp.get(key);
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
    this.pending.rows.set(entry.key, {
      key: entry.key,
      provider: entry.provider,
      endpoint: entry.endpoint,
      section: entry.section,
      request: JSON.stringify(entry.request),
      response: JSON.stringify(entry.response),
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + entry.ttlHours * 3_600_000).toISOString(),
    });
    this.pending.timer ??= setTimeout(() => {
      this.pending.timer = undefined;
      try {
        this.flush();
      } catch {
        // A failed write (the database busy past its timeout) keeps the rows for the next flush: a timer's
        // throw would end the process, and a row not written costs only a call asked again.
      }
    }, WRITE_DELAY_MS).unref();
  }

  /**
   * Writes the rows put on this connection and not yet written, in one transaction (or within the caller's):
   * a lookup stores its answers with its report. Nothing is written once the connection is closed.
   */
  flush(): void {
    const { rows } = this.pending;
    if (rows.size === 0 || !this.db.open) return;
    this.db.transaction(() => {
      for (const row of rows.values()) this.statements.write.run(row);
    })();
    rows.clear();
  }
}
