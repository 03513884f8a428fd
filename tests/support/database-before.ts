import Database from 'better-sqlite3';
import { applyMigrations } from '../../src/core/store/migrate';
import { migrations } from '../../src/core/store/migrations';
import { configureConnection, databasePath } from '../../src/core/store/database';

/**
 * A database in `dataDir` as a build before migration `version` left it, for tests of what that migration does
 * to rows stored before it. The caller seeds rows, closes it, and opens the data directory as today's build does.
 */
export function databaseBefore(version: number, dataDir: string): Database.Database {
  const old = new Database(databasePath(dataDir));
  configureConnection(old);
  applyMigrations(
    old,
    migrations.filter((m) => m.version < version),
  );
  return old;
}
