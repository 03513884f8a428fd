import { randomUUID } from 'node:crypto';
import { UserFacingError } from '../../errors';
import type { Db } from '../../store/database';
import { leadEditStatements, type LeadEditStatements } from './lead-edit-store';
import {
  editActivitySchema,
  type EditResult,
  type FieldChange,
  type LeadChange,
  type LeadFields,
  type UndoResult,
} from './lead-edit-schemas';

/**
 * Edits of leads' status, owner, tags and notes, one `edited` activity per changed lead (from and to of
 * each field), and their undo: an `edit_undone` activity that names the edit it reverts. A selection is
 * one edit with one batch id, undone together.
 */
export class LeadEditor {
  private readonly sql: LeadEditStatements;

  constructor(private readonly db: Db) {
    this.sql = leadEditStatements(db);
  }

  /** Applies `change` to every lead of `leadIds` in one transaction; `statuses` are the ones allowed. */
  edit(leadIds: readonly number[], change: LeadChange, statuses: readonly string[]): EditResult {
    if (change.status !== undefined && !statuses.includes(change.status)) {
      throw new UserFacingError(
        'invalid_status',
        `Status "${change.status}" is not one of ${statuses.join(', ')} (add your own under leads.customStatuses in settings).`,
      );
    }
    const batch = randomUUID();
    return this.db.transaction(() => {
      let changed = 0;
      for (const leadId of new Set(leadIds)) {
        const before = this.fields(leadId);
        const after = applyChange(before, change);
        const changes = diff(before, after);
        if (changes.length === 0) continue;
        this.write(leadId, after);
        this.sql.activity.run(leadId, 'edited', JSON.stringify({ batch, changes }));
        changed++;
      }
      return { batch, changed, unchanged: new Set(leadIds).size - changed };
    })();
  }

  /**
   * Undoes an edit: the one named by `batch`, else the lead's last edit (that lead only), else the last edit
   * of all (its whole selection). A lead whose fields changed again since is left as it is and reported.
   */
  undo(target: { batch?: string; leadId?: number } = {}): UndoResult & { leadIds: number[] } {
    return this.db.transaction(() => {
      const edits = target.batch !== undefined ? this.sql.batchEdits.all(target.batch) : this.lastEdits(target.leadId);
      const batch = edits[0] ? editActivitySchema.parse(JSON.parse(edits[0].detail)).batch : null;
      const undoBatch = randomUUID();
      const skipped: UndoResult['skipped'] = [];
      const leadIds: number[] = [];
      for (const edit of edits) {
        const { changes } = editActivitySchema.parse(JSON.parse(edit.detail));
        const current = this.fields(edit.leadId);
        const moved = changes.find((c) => !same(current[c.field], c.to));
        if (moved) {
          skipped.push({ leadId: edit.leadId, reason: `its ${moved.field} was changed again since` });
          continue;
        }
        const reverted = { ...current };
        for (const c of changes) Object.assign(reverted, { [c.field]: c.from });
        this.write(edit.leadId, reverted);
        const undone = changes.map((c) => ({ field: c.field, from: c.to, to: c.from }));
        this.sql.activity.run(
          edit.leadId,
          'edit_undone',
          JSON.stringify({ batch: undoBatch, changes: undone, undoes: edit.id }),
        );
        leadIds.push(edit.leadId);
      }
      return { batch, reverted: leadIds.length, skipped, leadIds };
    })();
  }

  private lastEdits(leadId: number | undefined) {
    if (leadId !== undefined) {
      this.fields(leadId);
      const edit = this.sql.latestEditOfLead.get(leadId);
      return edit ? [edit] : [];
    }
    const latest = this.sql.latestEdit.get();
    return latest ? this.sql.batchEdits.all(editActivitySchema.parse(JSON.parse(latest.detail)).batch) : [];
  }

  private fields(leadId: number): LeadFields {
    const row = this.sql.fields.get(leadId);
    if (!row) throw new UserFacingError('lead_not_found', `No lead with id ${leadId}.`);
    return { status: row.status, owner: row.owner, tags: JSON.parse(row.tags) as string[], notes: row.notes };
  }

  private write(leadId: number, fields: LeadFields): void {
    this.sql.update.run({
      id: leadId,
      status: fields.status,
      owner: fields.owner,
      tags: JSON.stringify(fields.tags),
      notes: fields.notes,
    });
  }
}

function applyChange(before: LeadFields, change: LeadChange): LeadFields {
  const removed = new Set((change.removeTags ?? []).map((t) => t.toLowerCase()));
  const tags = before.tags.filter((t) => !removed.has(t.toLowerCase()));
  for (const tag of change.addTags ?? []) if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  return {
    status: change.status ?? before.status,
    owner: change.owner === undefined ? before.owner : change.owner || null,
    tags,
    notes: change.notes === undefined ? before.notes : change.notes || null,
  };
}

function diff(before: LeadFields, after: LeadFields): FieldChange[] {
  return (['status', 'owner', 'tags', 'notes'] as const)
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ field, from: before[field], to: after[field] }));
}

function same(a: FieldChange['from'], b: FieldChange['from']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
