import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../src/core/store/database';
import { RequestCache } from '../../src/core/providers/gateway/request-cache-store';
import { tempDir } from '../support/temp-dir';

const databases: Db[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

/** Two connections to one new database: the one the cache writes through, and another that sees only what is committed. */
function connections() {
  const dir = tempDir();
  const db = openDatabase(dir);
  const other = openDatabase(dir);
  databases.push(db, other);
  const committed = () =>
    (other.prepare('SELECT key FROM request_cache ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  return { db, committed };
}

const answer = (key: string) => ({
  key,
  provider: 'tavily',
  endpoint: '/search',
  section: 'overview',
  request: { query: key },
  response: { results: [{ url: `https://${key}.example.com` }] },
  ttlHours: 24,
});

describe('request cache writes', () => {
  it('serves an answer at once from every cache on the connection, and commits answers put together in one write', () => {
    const { db, committed } = connections();
    const gatewayCache = new RequestCache(db);
    const memoCache = new RequestCache(db);
    for (const key of ['a', 'b', 'c']) gatewayCache.put(answer(key));

    expect(memoCache.get('b')?.response).toEqual({ results: [{ url: 'https://b.example.com' }] });
    expect(memoCache.stamp('c')).toMatchObject({ expired: false, createdAt: gatewayCache.stamp('c')!.createdAt });
    expect(committed()).toEqual([]);

    memoCache.flush();
    expect(committed()).toEqual(['a', 'b', 'c']);
    // Read back from the table, the same as it was served before the write.
    expect(new RequestCache(db).get('a')).toEqual(gatewayCache.get('a'));
  });

  it('commits an answer nobody flushes a moment after it was put', async () => {
    const { db, committed } = connections();
    new RequestCache(db).put(answer('alone'));
    await vi.waitFor(() => expect(committed()).toEqual(['alone']), { timeout: 2_000 });
  });
});
