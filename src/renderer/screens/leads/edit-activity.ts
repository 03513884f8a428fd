import { editActivitySchema, type FieldChange } from '../../../core/leads/edit/lead-edit-schemas';

const FIELD_LABELS: Record<FieldChange['field'], string> = {
  status: 'Status',
  owner: 'Owner',
  tags: 'Tags',
  notes: 'Notes',
};

function valueText(value: FieldChange['from']): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)';
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The changes an `edited` or `edit_undone` activity records, one line each ("Status: new → contacted"); null for other activities. */
export function editChanges(kind: string, detail: unknown): string[] | null {
  if (kind !== 'edited' && kind !== 'edit_undone') return null;
  const parsed = editActivitySchema.safeParse(detail);
  if (!parsed.success) return null;
  return parsed.data.changes.map((c) => `${FIELD_LABELS[c.field]}: ${valueText(c.from)} → ${valueText(c.to)}`);
}
