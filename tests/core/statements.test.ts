import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/store/database';
import { assembled } from '../../src/core/store/statements';
import { tempDir } from '../support/temp-dir';

describe('assembled statements', () => {
  it('prepares a text once per connection, and again for a second reader while the first still iterates', () => {
    const db = openDatabase(tempDir());
    const other = openDatabase(tempDir());
    try {
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3);');
      other.exec('CREATE TABLE t (x);');
      const text = 'SELECT x FROM t ORDER BY x';
      const first = assembled<[], { x: number }>(db, text);
      expect(assembled(db, text)).toBe(first);
      expect(assembled(other, text)).not.toBe(first);

      // Two exports of the same leads stream side by side: the second must not find the statement busy.
      const outer = first.iterate();
      expect(outer.next().value).toEqual({ x: 1 });
      const inner = assembled<[], { x: number }>(db, text);
      expect(inner).not.toBe(first);
      expect([...inner.iterate()].map((row) => row.x)).toEqual([1, 2, 3]);
      expect([...outer].map((row) => row.x)).toEqual([2, 3]);
      expect(assembled(db, text)).toBe(first);
    } finally {
      db.close();
      other.close();
    }
  });
});
