/**
 * What the workflow and plan editors share: a list's New button with the last outcome beside it, a field's
 * problems, and a step form's buttons.
 */

/** Problems at one field, read out when they appear; nothing when there are none. */
export function Issues({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p className="field-error" role="alert">
      {messages.join('; ')}
    </p>
  );
}

/** Under a list of things the analyst edits: the New button, what the last action did, and what went wrong. */
export function ListActions({
  newLabel,
  onNew,
  status,
  statusLabel,
  error,
}: {
  newLabel: string;
  onNew: () => void;
  status: string | null;
  statusLabel?: string;
  error: string | null;
}) {
  return (
    <>
      <div className="form-actions">
        <button type="button" onClick={onNew}>
          {newLabel}
        </button>
        <span className="form-status" role="status" aria-label={statusLabel}>
          {status}
        </span>
      </div>
      <Issues messages={error ? [error] : []} />
    </>
  );
}

/** A step form's buttons (add a step, save, cancel) and why the last save failed. */
export function StepFormActions({
  saveLabel,
  saving,
  onAddStep,
  onCancel,
  failure,
}: {
  saveLabel: string;
  saving: boolean;
  onAddStep: () => void;
  onCancel: () => void;
  failure: string | null;
}) {
  return (
    <>
      <div className="form-actions">
        <button type="button" onClick={onAddStep}>
          Add step
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <Issues messages={failure ? [failure] : []} />
    </>
  );
}
