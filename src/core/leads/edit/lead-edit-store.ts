import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';

interface StoredFields {
  id: number;
  status: string | null;
  owner: string | null;
  tags: string;
  notes: string | null;
}

interface EditRow {
  id: number;
  leadId: number;
  detail: string;
}

/** A lead's edit activity not undone yet: no `edit_undone` activity of the same lead names it. */
const NOT_UNDONE = `a.kind = 'edited' AND NOT EXISTS (
  SELECT 1 FROM lead_activities u WHERE u.lead_id = a.lead_id AND u.kind = 'edit_undone' AND json_extract(u.detail, '$.undoes') = a.id)`;

/** The SQL of lead edits and their undo: a lead's editable fields, its activities, the edits not undone. */
export function leadEditStatements(db: Db) {
  return statements(db, {
    fields: sql<[number], StoredFields>('SELECT id, status, owner, tags, notes FROM leads WHERE id = ?'),
    update: sql<
      [{ id: number; status: string | null; owner: string | null; tags: string; notes: string | null }],
      void
    >(
      `UPDATE leads SET status = @status, owner = @owner, tags = @tags, notes = @notes, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`,
    ),
    activity: sql<[number, string, string], void>(
      'INSERT INTO lead_activities (lead_id, kind, detail) VALUES (?, ?, ?)',
    ),
    batchEdits: sql<[string], EditRow>(
      `SELECT a.id, a.lead_id AS leadId, a.detail FROM lead_activities a WHERE json_extract(a.detail, '$.batch') = ? AND ${NOT_UNDONE} ORDER BY a.id`,
    ),
    latestEdit: sql<[], EditRow>(
      `SELECT a.id, a.lead_id AS leadId, a.detail FROM lead_activities a WHERE ${NOT_UNDONE} ORDER BY a.id DESC LIMIT 1`,
    ),
    latestEditOfLead: sql<[number], EditRow>(
      `SELECT a.id, a.lead_id AS leadId, a.detail FROM lead_activities a WHERE a.lead_id = ? AND ${NOT_UNDONE} ORDER BY a.id DESC LIMIT 1`,
    ),
  });
}
export type LeadEditStatements = ReturnType<typeof leadEditStatements>;
