import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DuplicatePolicy } from '../../src/core/leads/fields';
import { runImport } from '../../src/core/leads/import/run-import';
import { getLead } from '../../src/core/leads/query/lead-queries';
import { openDatabase } from '../../src/core/store/database';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { databaseBefore } from '../support/database-before';
import { writeEncoded } from './support';

function csv(text: string): string {
  return writeEncoded(path.join(tempDir(), `leads-${Math.random().toString(36).slice(2)}.csv`), text, 'utf-8');
}

describe('custom fields as one JSON object on the lead', () => {
  it.each([
    ['skip', { Segment: 'a1', Tier: 'gold', 'Segment (2)': 'a2' }],
    ['merge', { Segment: 'a1', Tier: 'gold', 'Segment (2)': 'a2', Plan: 'north' }],
    ['update', { Segment: 'a3', Tier: 'silver', 'Segment (2)': 'a2', Plan: 'north' }],
  ] satisfies Array<[DuplicatePolicy, Record<string, string>]>)(
    '%s: names given again by a later row of the same contact',
    async (policy, expected) => {
      const services = testServices();
      // The second "Segment" column is read as "Segment (2)"; the contact's second row adds Plan and gives Segment and Tier again.
      const summary = await runImport(services.db, {
        file: csv('Email,Segment,Tier,Segment,Plan\nada@example.com,a1,gold,a2,\nada@example.com,a3,silver,,north\n'),
        phoneRegion: 'US',
        onDuplicate: policy,
      });
      const lead = services.db.prepare('SELECT id FROM leads WHERE import_id = ?').get(summary.importId) as {
        id: number;
      };
      const shown = Object.fromEntries(services.leads.getLead(lead.id).customFields.map((f) => [f.name, f.value]));
      expect(shown).toEqual(expected);
      // Exported as columns, one per name.
      const exported = path.join(tempDir(), 'export.csv');
      await services.leads.exportLeads(exported);
      const copy = testServices();
      await runImport(copy.db, { file: exported, phoneRegion: 'US' });
      const copied = copy.db.prepare('SELECT id FROM leads').get() as { id: number };
      expect(Object.fromEntries(copy.leads.getLead(copied.id).customFields.map((f) => [f.name, f.value]))).toEqual(
        expected,
      );
    },
  );

  it('refuses anything but a JSON object in the column', () => {
    const services = testServices();
    const contact = services.db.prepare(`INSERT INTO contacts (full_name) VALUES ('Ada')`).run().lastInsertRowid;
    const insert = services.db.prepare('INSERT INTO leads (contact_id, custom_fields) VALUES (?, ?)');
    expect(() => insert.run(contact, '["Segment", "a1"]')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(contact, 'Segment=a1')).toThrow(/CHECK|malformed JSON/);
    expect(() => insert.run(contact, '{"Segment":"a1"}')).not.toThrow();
  });

  it('moves the rows of lead_custom_fields onto their leads (migration 016)', () => {
    const dir = tempDir();
    const old = databaseBefore(16, dir);
    const contact = old.prepare(`INSERT INTO contacts (full_name) VALUES ('Ada')`).run().lastInsertRowid;
    const lead = old.prepare('INSERT INTO leads (contact_id) VALUES (?)');
    const withFields = Number(lead.run(contact).lastInsertRowid);
    const without = Number(lead.run(contact).lastInsertRowid);
    const field = old.prepare('INSERT INTO lead_custom_fields (lead_id, name, value) VALUES (?, ?, ?)');
    field.run(withFields, 'Segment', 'a1');
    field.run(withFields, '__proto__', 'odd name');
    field.run(withFields, 'Empty', null);
    old.close();

    const db = openDatabase(dir);
    expect(getLead(db, withFields).customFields).toEqual([
      { name: 'Empty', value: null },
      { name: 'Segment', value: 'a1' },
      { name: '__proto__', value: 'odd name' },
    ]);
    expect(getLead(db, without).customFields).toEqual([]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'lead_custom_fields'`).get()).toBeUndefined();
    db.close();
  });
});
