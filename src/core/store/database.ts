import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './migrate';
import { migrations } from './migrations';
import { redactStringWrites } from '../log/redacting-database';

export type Db = Database.Database;

export const DATABASE_FILE_NAME = 'crm-intelligence.sqlite';

export interface OpenDatabaseOptions {
  /**
   * Absolute path to a better-sqlite3 native binary. The Electron main process passes a copy built
   * for Electron's ABI; Node (tests, command line) leaves it unset and loads the Node build.
   */
  nativeBinding?: string;
  readonly?: boolean;
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/** Opens (creating if needed) the one database file of a data folder and brings its schema up to date. */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!options.readonly) makeOwnerOnly(databasePath(dataDir));
  const db = new Database(databasePath(dataDir), {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  });
  configureConnection(db);
  if (!options.readonly) {
    applyMigrations(db, migrations);
    redactStringWrites(db);
  }
  return db;
}

/**
 * The database holds leads, notes and drafts: readable by its owner only, like the log. Creating the file
 * 0600 before SQLite opens it is enough for the rest, since SQLite gives the -wal and -shm files it creates
 * the database file's mode. Files left 0644 by an older version (and their -wal, -shm) are tightened too.
 * (A umask would also do, but it is process-wide and cannot be set from a worker thread.)
 */
function makeOwnerOnly(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const existing of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(existing, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Page size of a database this build creates. SQLite fixes it when the file's first page is written (so it
 * must be set before WAL mode is); an existing database keeps its own, 4096 before this build. Larger pages
 * make the lead import's writes cheaper (fewer pages split, written and checkpointed a row); the figures are
 * in docs/benchmarks.md, Issue 15 third pass.
 */
export const NEW_DATABASE_PAGE_SIZE = 16384;

export function configureConnection(db: Db): void {
  db.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
}

/**
 * Page cache of a lead import's own connection: contacts are moved set-based from staging, so a smaller cache
 * imports as fast and keeps the peak lower, the more so with the file read in a second thread (figures in
 * docs/benchmarks.md, "Issue 16: figures moved out of source comments").
 */
const IMPORT_CACHE_KIB = 8 * 1024;
/**
 * Page cache of its temporary database (the staging tables), 16 MB by default: staging is written once and
 * read in order, so a small cache costs no time and keeps peak memory down (docs/benchmarks.md, as above).
 */
const IMPORT_STAGING_CACHE_KIB = 2 * 1024;

/** Sizes the caches of a connection opened for a lead import (the import job; the benchmark's SQL floor too). */
export function configureImportConnection(db: Db): void {
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  db.pragma(`temp.cache_size = -${IMPORT_STAGING_CACHE_KIB}`);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
