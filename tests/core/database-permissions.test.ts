import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

// Windows has no POSIX modes to check.
describe.skipIf(process.platform === 'win32')('database file permissions', () => {
  it('creates the database and its -wal and -shm files 0600', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    const db = openDatabase(dataDir);
    db.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1);');
    for (const created of [file, `${file}-wal`, `${file}-shm`]) {
      expect(fs.existsSync(created), created).toBe(true);
      expect(mode(created).toString(8), created).toBe('600');
    }
    db.close();
  });

  it('tightens a database and WAL left readable by others by an older version', () => {
    const dataDir = tempDir();
    const file = databasePath(dataDir);
    openDatabase(dataDir).close();
    fs.writeFileSync(`${file}-wal`, '');
    for (const existing of [file, `${file}-wal`]) fs.chmodSync(existing, 0o644);
    const db = openDatabase(dataDir);
    db.exec('CREATE TABLE IF NOT EXISTS t (x); INSERT INTO t VALUES (1);');
    for (const existing of [file, `${file}-wal`, `${file}-shm`])
      expect(mode(existing).toString(8), existing).toBe('600');
    db.close();
  });
});
