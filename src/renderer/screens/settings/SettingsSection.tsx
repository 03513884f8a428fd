import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { errorMessage } from '../../lib/crm';

/** One titled settings form with its own Save button, its own error and a "Saved" confirmation. */
export function SettingsSection({
  title,
  description,
  dirty,
  onSave,
  children,
}: {
  title: string;
  description: string;
  dirty: boolean;
  onSave: () => Promise<void>;
  children: ReactNode;
}) {
  const [status, setStatus] = useState<{ state: 'idle' | 'saving' | 'saved' } | { state: 'error'; message: string }>({
    state: 'idle',
  });
  const headingId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ state: 'saving' });
    try {
      await onSave();
      setStatus({ state: 'saved' });
    } catch (error) {
      setStatus({ state: 'error', message: errorMessage(error) });
    }
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <form onSubmit={submit} noValidate>
        <div>
          <h2 id={headingId}>{title}</h2>
          <p className="muted">{description}</p>
        </div>
        {children}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={!dirty || status.state === 'saving'}>
            {status.state === 'saving' ? 'Saving…' : `Save ${title.toLowerCase()}`}
          </button>
          <span className="form-status" aria-live="polite">
            {status.state === 'saved' && !dirty && 'Saved.'}
            {dirty && status.state !== 'saving' && 'Unsaved changes'}
          </span>
        </div>
        {status.state === 'error' && (
          <p className="field-error" role="alert">
            {status.message}
          </p>
        )}
      </form>
    </section>
  );
}
