import { useState, type FormEvent } from 'react';
import type { CuratedEntryInput, ProfileEntry, ProfileKind } from '../../../core/intel/domain';
import { errorMessage } from '../../lib/crm';
import { Badge } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/SourceLink';

/** The analyst's curated profile of the report's company, and how to change it. */
export interface Curation {
  entries: ProfileEntry[];
  /** Saves a new entry, or with `id` changes that one; rejects with a message for the analyst. */
  save(entry: CuratedEntryInput, id?: number): Promise<void>;
  remove(id: number): Promise<void>;
}

/** The entry a report value comes from: the `profile:<id>` among its sources. */
export function entryOf(curation: Curation, sources: string[]): ProfileEntry | undefined {
  return curation.entries.find((entry) => sources.includes(`profile:${entry.id}`));
}

/** Marks a curated value: who curated it and when (as the command line lists it), and the analyst's note. */
export function CuratedMark({ entry }: { entry: ProfileEntry }) {
  return (
    <>
      <Badge tone="accent" title={`Curated by ${entry.curator} on ${formatDate(entry.updatedAt)}`}>
        Curated
      </Badge>
      {entry.note && <span className="muted curated-note"> “{entry.note}”</span>}
    </>
  );
}

/** Edit and Remove for a curated value (`what` names it for screen readers). */
export function CuratedActions({
  entry,
  what,
  curation,
  onEdit,
}: {
  entry: ProfileEntry;
  what: string;
  curation: Curation;
  onEdit: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="curation-actions">
      <button type="button" className="button-small" aria-label={`Edit curated ${what}`} onClick={onEdit}>
        Edit
      </button>
      <button
        type="button"
        className="button-small"
        aria-label={`Remove curated ${what}`}
        onClick={() => curation.remove(entry.id).catch((e: unknown) => setError(errorMessage(e)))}
      >
        Remove
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** What a form starts from: an entry to edit (`id`), or a value to correct or add. */
export interface EntryDraft {
  kind: ProfileKind;
  id?: number;
  value: string;
  title?: string;
  note?: string;
}

export const draftOf = (entry: ProfileEntry): EntryDraft => ({
  kind: entry.kind,
  id: entry.id,
  value: entry.value,
  title: entry.title ?? undefined,
  note: entry.note ?? undefined,
});

/** A decision maker (name and title) or an overview value, with a note; curated entries win over found ones. */
export function CurationForm({
  draft,
  label,
  curation,
  onDone,
}: {
  draft: EntryDraft;
  /** What is curated, e.g. "Headquarters" or "decision maker". */
  label: string;
  curation: Curation;
  onDone: () => void;
}) {
  const executive = draft.kind === 'executive';
  const [value, setValue] = useState(draft.value);
  const [title, setTitle] = useState(draft.title ?? '');
  const [note, setNote] = useState(draft.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await curation.save(
        { kind: draft.kind, value, ...(executive ? { title } : {}), ...(note.trim() ? { note } : {}) },
        draft.id,
      );
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <form className="curation-form" aria-label={`Curate ${label}`} onSubmit={(e) => void submit(e)}>
      <div className="form-grid">
        <TextField label={executive ? 'Name' : label} value={value} onChange={setValue} />
        {executive && <TextField label="Title" value={title} onChange={setTitle} />}
        <TextField label="Note (where you learned it)" value={note} onChange={setNote} wide />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save to profile'}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
        <span className="field-error" role="alert">
          {error ?? ''}
        </span>
      </div>
    </form>
  );
}
