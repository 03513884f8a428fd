import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MigrationError } from '../../src/core/store/migrate';
import { migrations } from '../../src/core/store/migrations';
import { configureConnection, databasePath, openDatabase, schemaVersion } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';

describe('database', () => {
  it('opens with WAL, foreign keys and a busy timeout, at the latest schema version', () => {
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    db.close();
  });

  it('holds every table of the data model', () => {
    const db = openDatabase(tempDir());
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const table of [
      'companies',
      'company_profiles',
      'sources',
      'facts',
      'intel_runs',
      'intel_steps',
      'request_cache',
      'contacts',
      'leads',
      'lead_activities',
      'imports',
      'import_errors',
      'drafts',
      'draft_revisions',
    ]) {
      expect(tables).toContain(table);
    }
    db.close();
  });

  it('enforces foreign keys: a fact cannot point at a missing source', () => {
    const db = openDatabase(tempDir());
    const company = db.prepare(`INSERT INTO companies (name, name_key) VALUES ('Acme', 'acme')`).run().lastInsertRowid;
    expect(() =>
      db
        .prepare(
          `INSERT INTO facts (company_id, section, kind, value, source_id, evidence) VALUES (?, 'overview', 'industry', '"x"', 999, 'q')`,
        )
        .run(company),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('upgrades a database made by the first migration without losing its data', () => {
    const dir = tempDir();
    const old = new Database(databasePath(dir));
    configureConnection(old);
    applyMigrations(old, migrations.slice(0, 1));
    const importId = old
      .prepare(
        `INSERT INTO imports (file_name, file_sha256, file_size, status, started_at) VALUES ('leads.csv', 'abc', 10, 'completed', '2026-01-01T00:00:00Z')`,
      )
      .run().lastInsertRowid;
    const contactId = old
      .prepare(
        `INSERT INTO contacts (full_name, email, email_key, created_by_import_id) VALUES ('Ada Lovelace', 'Ada@x.io', 'ada@x.io', ?)`,
      )
      .run(importId).lastInsertRowid;
    old.prepare(`INSERT INTO leads (contact_id, import_id, status) VALUES (?, ?, 'new')`).run(contactId, importId);
    old.close();

    const db = openDatabase(dir);
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version);
    expect(db.prepare(`SELECT full_name, email FROM contacts`).all()).toEqual([
      { full_name: 'Ada Lovelace', email: 'Ada@x.io' },
    ]);
    expect(db.prepare(`SELECT status, import_id FROM leads`).get()).toEqual({ status: 'new', import_id: importId });
    expect(db.prepare(`SELECT file_name FROM imports`).get()).toEqual({ file_name: 'leads.csv' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('rolls back a failing migration and keeps the version it had', () => {
    const db = new Database(databasePath(tempDir()));
    applyMigrations(db, migrations.slice(0, 1));
    const broken = {
      version: 99,
      name: 'broken',
      up: (d: Database.Database) => d.exec(`CREATE TABLE half (x); SELECT * FROM no_such_table;`),
    };
    expect(() => applyMigrations(db, [...migrations.slice(0, 1), broken])).toThrow(MigrationError);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    db.close();
  });

  it('refuses a database newer than the build', () => {
    const dir = tempDir();
    const db = new Database(databasePath(dir));
    db.pragma('user_version = 9999');
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer than this build/);
  });
});
