import type { Db } from './database';

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction that may span awaits (better-sqlite3's `db.transaction`
 * cannot: a file read chunk by chunk is awaited between writes). Committed when `work` asks for it, rolled
 * back when it does not (a dry run) or throws. With `checkForeignKeys: false` the connection does not check
 * foreign keys during the transaction (SQLite reads the pragma only outside one) and checks them again after.
 */
export async function writeTransaction<T>(
  db: Db,
  work: () => Promise<{ commit: boolean; result: T }>,
  options: { checkForeignKeys?: boolean } = {},
): Promise<T> {
  const uncheck = options.checkForeignKeys === false && db.pragma('foreign_keys', { simple: true }) === 1;
  if (uncheck) db.pragma('foreign_keys = OFF');
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const { commit, result } = await work();
      db.exec(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    if (uncheck && !db.inTransaction) db.pragma('foreign_keys = ON');
  }
}
