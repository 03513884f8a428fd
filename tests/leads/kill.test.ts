import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePath, openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';
import { CLI, writeEncoded } from './support';

const ROWS = 20_000;
const KILLS = 20;

interface Run {
  /** ms from the first progress line to exit, when not killed. */
  importMs: number;
}

/** Starts `crm-intel import`; kills it `killAfterMs` after spawn or after its first progress line. */
function importThenKill(
  dataDir: string,
  file: string,
  kill?: { afterMs: number; from: 'spawn' | 'progress' },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'import', file], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const spawned = Date.now();
    let progressAt: number | undefined;
    const arm = () => kill && setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
    if (kill?.from === 'spawn') arm();
    child.stderr.on('data', (chunk: Buffer) => {
      if (progressAt === undefined && chunk.toString().includes('rows read')) {
        progressAt = Date.now();
        if (kill?.from === 'progress') arm();
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ importMs: Date.now() - (progressAt ?? spawned) }));
  });
}

/**
 * What the next process to open the database finds: opening it rolls back what a kill left in the WAL, and
 * applies the migrations a kill at start-up left unapplied (each is its own transaction).
 */
function stateOf(dataDir: string) {
  if (!fs.existsSync(databasePath(dataDir))) return undefined;
  const db = openDatabase(dataDir);
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    // FTS5's own check (it throws on a mismatch), which also compares the search index with every contact's text.
    db.exec(`INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')`);
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      imports: db.prepare('SELECT status, imported, rows_total AS rowsTotal FROM imports').all(),
      contacts: count('SELECT count(*) AS n FROM contacts'),
      leads: count('SELECT count(*) AS n FROM leads'),
      activities: count('SELECT count(*) AS n FROM lead_activities'),
      // Every row's e-mail ends in ".com": the contacts the index holds (a count of the table itself would
      // read `contacts`, its external content, migration 025).
      indexed: count(`SELECT count(*) AS n FROM contacts_fts WHERE contacts_fts MATCH '"com"'`),
    };
  } finally {
    db.close();
  }
}

describe('an import killed at any moment', () => {
  it(`leaves the database intact with none or all of the import (${KILLS} kills of the real CLI)`, async () => {
    const lines = Array.from(
      { length: ROWS },
      (_, i) =>
        `First${i},Last${i},p${i}@example${i % 300}.com,Company ${i % 300},"+1 415 555 ${String(i % 10_000).padStart(4, '0')}",x${i}`,
    );
    const file = writeEncoded(
      path.join(tempDir(), 'leads.csv'),
      `First Name,Last Name,Email,Company,Phone,Segment\n${lines.join('\n')}\n`,
      'utf-8',
    );
    const reference = await importThenKill(tempDir(), file);
    const outcomes = { none: 0, all: 0 };
    for (let attempt = 0; attempt < KILLS; attempt++) {
      const dataDir = tempDir();
      // A few kills land anywhere from start-up on; most land inside the import, up to a little after its end.
      const kill =
        attempt % 5 === 0
          ? { from: 'spawn' as const, afterMs: Math.random() * 3000 }
          : { from: 'progress' as const, afterMs: Math.random() * reference.importMs * 1.3 };
      await importThenKill(dataDir, file, kill);
      const state = stateOf(dataDir);
      if (state === undefined) {
        outcomes.none += 1; // killed before the database was created
        continue;
      }
      expect(state.integrity).toBe('ok');
      if (state.imports.length === 0) {
        expect([state.contacts, state.leads, state.activities, state.indexed]).toEqual([0, 0, 0, 0]);
        outcomes.none += 1;
      } else {
        expect(state.imports).toEqual([{ status: 'completed', imported: ROWS, rowsTotal: ROWS }]);
        // No activity row a lead: its "imported" event is derived from the lead (migration 015).
        expect([state.contacts, state.leads, state.activities, state.indexed]).toEqual([ROWS, ROWS, 0, ROWS]);
        outcomes.all += 1;
      }
    }
    expect(outcomes.none).toBeGreaterThan(0);
    expect(outcomes.none + outcomes.all).toBe(KILLS);
  }, 240_000);
});
