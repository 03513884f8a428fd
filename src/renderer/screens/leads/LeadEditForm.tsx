import { useState, type FormEvent } from 'react';
import type { LeadChange } from '../../../core/leads/edit/lead-edit-schemas';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';

export interface EditableLead {
  id: number;
  status: string | null;
  owner: string | null;
  tags: string | null;
  notes: string | null;
}

/** "a, b" as the table shows tags, as a list (a tag never holds a comma). */
export function tagList(tags: string | null): string[] {
  return (tags ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** What the form changes against the lead as loaded; only the fields edited are sent. */
function changeOf(
  lead: EditableLead,
  form: { status: string; owner: string; tags: string; notes: string },
): LeadChange | null {
  const before = tagList(lead.tags);
  const after = tagList(form.tags);
  const change: LeadChange = {
    status: form.status && form.status !== (lead.status ?? '') ? form.status : undefined,
    owner: form.owner.trim() !== (lead.owner ?? '') ? form.owner.trim() || null : undefined,
    addTags: after.filter((t) => !before.some((b) => b.toLowerCase() === t.toLowerCase())),
    removeTags: before.filter((b) => !after.some((t) => t.toLowerCase() === b.toLowerCase())),
    notes: form.notes !== (lead.notes ?? '') ? form.notes || null : undefined,
  };
  const says =
    change.status !== undefined ||
    change.owner !== undefined ||
    change.notes !== undefined ||
    change.addTags!.length > 0 ||
    change.removeTags!.length > 0;
  return says ? change : null;
}

/** Status, owner, tags and notes of one lead; each save is one change in its timeline, undone by "Undo last change". */
export function LeadEditForm({
  lead,
  hasEdits,
  onChanged,
}: {
  lead: EditableLead;
  hasEdits: boolean;
  onChanged: () => void;
}) {
  const statuses = useLoad(() => crm()['leads:statuses'](), 'lead-statuses');
  const [form, setForm] = useState({
    status: lead.status ?? '',
    owner: lead.owner ?? '',
    tags: tagList(lead.tags).join(', '),
    notes: lead.notes ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const change = changeOf(lead, form);
  const options = [...new Set([...(statuses.data ?? []), ...(lead.status ? [lead.status] : [])])];

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ error: false, text: await action() });
      onChanged();
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (change) void run(async () => (await crm()['leads:edit']({ leadIds: [lead.id], change }), 'Saved.'));
  };
  const undo = () =>
    void run(async () => {
      const result = await crm()['leads:undo']({ leadId: lead.id });
      return result.reverted ? 'Last change undone.' : (result.skipped[0]?.reason ?? 'Nothing to undo.');
    });

  return (
    <form className="lead-edit" aria-label="Work this lead" onSubmit={save}>
      <div className="field">
        <label htmlFor="lead-status">Status</label>
        <select id="lead-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })}>
          {!lead.status && <option value="">(none)</option>}
          {options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="lead-owner">Owner</label>
        <input
          id="lead-owner"
          value={form.owner}
          maxLength={200}
          onChange={(e) => setForm({ ...form, owner: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="lead-tags">Tags</label>
        <input
          id="lead-tags"
          value={form.tags}
          placeholder="comma separated"
          onChange={(e) => setForm({ ...form, tags: e.target.value })}
        />
      </div>
      <div className="field field-wide">
        <label htmlFor="lead-notes">Notes</label>
        <textarea
          id="lead-notes"
          rows={3}
          value={form.notes}
          maxLength={10_000}
          onChange={(e) => setForm({ ...form, notes: e.target.value })}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy || !change}>
          Save
        </button>
        <button type="button" disabled={busy || !hasEdits} onClick={undo}>
          Undo last change
        </button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}
