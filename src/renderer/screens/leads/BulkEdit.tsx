import { useState } from 'react';
import type { LeadChange } from '../../../core/leads/edit/lead-edit-schemas';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';

/**
 * One change for every selected lead (status, owner, a tag added or removed, notes), undone together. Notes
 * replace each lead's own, as `crm-intel leads set --note` does; undo puts every lead's back.
 */
export function BulkEdit({
  leadIds,
  onChanged,
  onClear,
}: {
  leadIds: number[];
  onChanged: () => void;
  onClear: () => void;
}) {
  const statuses = useLoad(() => crm()['leads:statuses'](), 'lead-statuses');
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [tag, setTag] = useState('');
  const [untag, setUntag] = useState('');
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ batch: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change: LeadChange = {
    status: status || undefined,
    owner: owner.trim() || undefined,
    addTags: tag.trim() ? [tag.trim()] : undefined,
    removeTags: untag.trim() ? [untag.trim()] : undefined,
    notes: notes.trim() || undefined,
  };
  const says = Object.values(change).some((value) => value !== undefined);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    void run(async () => {
      const result = await crm()['leads:edit']({ leadIds, change });
      setLast({ batch: result.batch, text: `${result.changed} ${result.changed === 1 ? 'lead' : 'leads'} changed.` });
      setStatus('');
      setOwner('');
      setTag('');
      setUntag('');
      setNotes('');
    });
  const undo = () =>
    void run(async () => {
      const result = await crm()['leads:undo']({ batch: last!.batch });
      setLast(null);
      setError(
        result.skipped.length
          ? `${result.reverted} reverted; ${result.skipped.length} changed again since and left as they are.`
          : null,
      );
    });

  return (
    <div className="toolbar bulk-edit" role="group" aria-label="Change the selected leads">
      <strong>{leadIds.length} selected</strong>
      <label htmlFor="bulk-status" className="visually-hidden">
        Set status
      </label>
      <select id="bulk-status" className="auto-width" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">Status…</option>
        {(statuses.data ?? []).map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <ToolbarInput
        id="bulk-owner"
        label="Set owner"
        placeholder="Owner"
        maxLength={200}
        value={owner}
        onChange={setOwner}
      />
      <ToolbarInput id="bulk-tag" label="Add tag" placeholder="Add tag" maxLength={60} value={tag} onChange={setTag} />
      <ToolbarInput
        id="bulk-untag"
        label="Remove tag"
        placeholder="Remove tag"
        maxLength={60}
        value={untag}
        onChange={setUntag}
      />
      <ToolbarInput
        id="bulk-notes"
        className="bulk-notes"
        label="Set notes (replaces each lead’s)"
        placeholder="Notes (replace theirs)"
        maxLength={10_000}
        value={notes}
        onChange={setNotes}
      />
      <button type="button" className="button-primary" disabled={busy || !says} onClick={apply}>
        Apply to {leadIds.length}
      </button>
      {last && (
        <>
          <span role="status" className="muted">
            {last.text}
          </span>
          <button type="button" disabled={busy} onClick={undo}>
            Undo
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
      <span className="spacer" />
      <button type="button" className="button-quiet" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}

/** A toolbar's text box: its label is read by assistive technology, its placeholder shown. */
function ToolbarInput({
  id,
  label,
  placeholder,
  maxLength,
  value,
  onChange,
  className,
}: {
  id: string;
  label: string;
  placeholder: string;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        className={className}
        placeholder={placeholder}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
