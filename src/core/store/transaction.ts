import type { Db } from './database';

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction that may span awaits (better-sqlite3's `db.transaction`
 * cannot: a file read chunk by chunk is awaited between writes). Committed when `work` asks for it, rolled
 * back when it does not (a dry run) or throws.
 */
export async function writeTransaction<T>(db: Db, work: () => Promise<{ commit: boolean; result: T }>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const { commit, result } = await work();
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
