import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { openDatabase } from '../../src/core/store/database';
import { getLead } from '../../src/core/leads/query/lead-queries';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';
import { writeEncoded } from './support';

function csv(text: string): string {
  return writeEncoded(path.join(tempDir(), `leads-${Math.random().toString(36).slice(2)}.csv`), text, 'utf-8');
}

/** Every lead's timeline and every stored activity row: what undo must give back exactly. */
function timelines(services: AppServices) {
  const leadIds = (services.db.prepare('SELECT id FROM leads ORDER BY id').all() as Array<{ id: number }>).map(
    (r) => r.id,
  );
  return {
    rows: services.db.prepare('SELECT * FROM lead_activities ORDER BY id').all(),
    timelines: leadIds.map((id) => services.leads.getLead(id).activities),
  };
}

describe('the "imported" event derived from the lead', () => {
  it('is written as no activity row, shown on every lead the import created, and undo gives back the timelines exactly', async () => {
    const services = testServices();
    const first = await runImport(services.db, {
      file: csv('Email,Name,City\nada@example.com,Ada,London\nbo@example.com,Bo,Leeds\n'),
      phoneRegion: 'US',
    });
    services.db
      .prepare(
        `INSERT INTO lead_activities (lead_id, kind, detail) SELECT id, 'drafted', '{}' FROM leads WHERE row_number = 2`,
      )
      .run();
    const before = timelines(services);

    const second = await runImport(services.db, {
      file: csv('Email,Name,City\nada@example.com,Augusta,\ncy@example.com,Cy,Oslo\n'),
      phoneRegion: 'US',
      onDuplicate: 'update',
    });
    expect(services.db.prepare(`SELECT kind FROM lead_activities WHERE kind != 'drafted'`).all()).toEqual([
      { kind: 'import_updated_contact' },
    ]);
    const ofSecond = (
      services.db
        .prepare('SELECT id, row_number AS row FROM leads WHERE import_id = ? ORDER BY row_number')
        .all(second.importId) as Array<{ id: number; row: number }>
    ).map(({ id }) => services.leads.getLead(id).activities.map((a) => [a.kind, a.detail]));
    // Ada was stored: her new lead tells the update, not an import of a new contact; Cy is new.
    expect(ofSecond).toEqual([
      [['import_updated_contact', { importId: second.importId, row: 2 }]],
      [['imported', { importId: second.importId, row: 3 }]],
    ]);
    const adaFirst = services.db
      .prepare(`SELECT id FROM leads WHERE import_id = ? AND row_number = 2`)
      .get(first.importId) as { id: number };
    expect(services.leads.getLead(adaFirst.id).activities.map((a) => a.kind)).toEqual(['imported', 'drafted']);

    services.leads.undoImport(second.importId!);
    expect(timelines(services)).toEqual(before);
  });

  it('replaces the stored "imported" rows of an older database (migration 015), keeping any it cannot derive', () => {
    const dir = tempDir();
    const old = databaseBefore(15, dir);
    const importId = Number(
      old
        .prepare(
          `INSERT INTO imports (file_name, file_sha256, file_size, status, started_at) VALUES ('a.csv', 'x', 1, 'completed', '2026-01-01T00:00:00Z')`,
        )
        .run().lastInsertRowid,
    );
    const contact = old.prepare(`INSERT INTO contacts (full_name, created_by_import_id) VALUES (?, ?)`);
    const lead = old.prepare(
      `INSERT INTO leads (contact_id, import_id, row_number, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:01.000Z')`,
    );
    const activity = old.prepare(`INSERT INTO lead_activities (lead_id, kind, detail, created_at) VALUES (?, ?, ?, ?)`);
    const derivable = Number(lead.run(contact.run('Ada', importId).lastInsertRowid, importId, 2).lastInsertRowid);
    activity.run(derivable, 'imported', JSON.stringify({ importId, row: 2 }), '2026-01-01T00:00:01.000Z');
    activity.run(derivable, 'drafted', '{}', '2026-01-02T00:00:00.000Z');
    // A row whose detail disagrees with its lead is not the lead's own event: it stays.
    const odd = Number(lead.run(contact.run('Bo', importId).lastInsertRowid, importId, 3).lastInsertRowid);
    activity.run(odd, 'imported', JSON.stringify({ importId, row: 9 }), '2026-01-01T00:00:02.000Z');
    old.close();

    const db = openDatabase(dir);
    expect(db.prepare(`SELECT lead_id, kind FROM lead_activities ORDER BY id`).all()).toEqual([
      { lead_id: derivable, kind: 'drafted' },
      { lead_id: odd, kind: 'imported' },
    ]);
    expect(getLead(db, derivable).activities.map((a) => [a.kind, a.detail, a.createdAt])).toEqual([
      ['imported', { importId, row: 2 }, '2026-01-01T00:00:01.000Z'],
      ['drafted', {}, '2026-01-02T00:00:00.000Z'],
    ]);
    db.close();
  });
});
