import { UserFacingError } from '../errors';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database.Database) => void;
}

export class MigrationError extends UserFacingError {
  constructor(
    readonly migration: Pick<Migration, 'version' | 'name'>,
    cause: unknown,
  ) {
    super(
      'migration_failed',
      `Migration ${migration.version} (${migration.name}) failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}

/**
 * Applies every migration newer than the database's `user_version`, each in its own transaction, so a
 * failure leaves the database at the last version that fully applied.
 */
export function applyMigrations(db: Database.Database, all: readonly Migration[]): number {
  assertOrdered(all);
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = all.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new UserFacingError(
      'schema_too_new',
      `The database is at schema version ${current}, newer than this build knows (${latest}). Update the app.`,
    );
  }
  for (const migration of all.filter((m) => m.version > current)) {
    const apply = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      throw new MigrationError(migration, error);
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}

function assertOrdered(all: readonly Migration[]): void {
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.version <= all[i - 1]!.version) {
      throw new Error(`Migrations out of order: ${all[i - 1]!.version} then ${all[i]!.version}`);
    }
  }
}
