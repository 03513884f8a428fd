import { useId, useState, type FormEvent } from 'react';
import type { StoredTemplate } from '../../../core/outreach/compose/template-store';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { Badge, ErrorBanner, Skeleton } from '../../components/feedback';
import { TextAreaField, TextField } from '../../components/fields';

type Editing = { original: string | null; name: string; description: string; subject: string; body: string };

const blank = (): Editing => ({ original: null, name: '', description: '', subject: '', body: '' });
const fromTemplate = (t: StoredTemplate): Editing => ({
  original: t.name,
  name: t.name,
  description: t.description,
  subject: t.subject,
  body: t.body,
});

/** Outreach templates: built-ins and the analyst's own; an unknown {{placeholder}} is refused when saved. */
export function Templates() {
  const headingId = useId();
  const templates = useLoad(() => crm()['templates:list'](), 'templates');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    setStatus(null);
    const input = {
      name: editing.name,
      description: editing.description,
      subject: editing.subject,
      body: editing.body,
    };
    try {
      const saved =
        editing.original === null
          ? await crm()['templates:create'](input)
          : await crm()['templates:update']({ name: editing.original, template: input });
      setEditing(fromTemplate(saved));
      setStatus({ tone: 'ok', text: `Template “${saved.name}” saved.` });
      templates.reload();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };
  const remove = async (name: string) => {
    setStatus(null);
    try {
      await crm()['templates:delete']({ name });
      setEditing(null);
      setStatus({ tone: 'ok', text: `Template “${name}” deleted.` });
      templates.reload();
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Templates</h2>
      <p className="muted">
        Drafts are written from these with no API key. Use placeholders such as <code>{'{{firstName}}'}</code> or{' '}
        <code>{'{{company}}'}</code>; an unknown one is refused when you save.
      </p>
      {templates.state === 'error' && <ErrorBanner message={templates.error} onRetry={templates.reload} />}
      {!templates.data && templates.state === 'loading' && <Skeleton lines={4} label="Loading templates" />}
      {templates.data && (
        <div className="templates">
          <ul className="template-list" aria-label="Templates">
            {templates.data.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="queue-item"
                  aria-current={editing?.original === t.name ? 'true' : undefined}
                  onClick={() => setEditing(fromTemplate(t))}
                >
                  <span className="queue-name">{t.name}</span>
                  {t.builtin && <Badge tone="neutral">built-in</Badge>}
                  <span className="muted queue-company">{t.description}</span>
                </button>
              </li>
            ))}
            <li>
              <button type="button" onClick={() => setEditing(blank())}>
                New template
              </button>
            </li>
          </ul>
          {editing ? (
            <form className="template-editor" aria-label="Template editor" onSubmit={(e) => void save(e)} noValidate>
              <div className="form-grid">
                <TextField
                  label="Template name"
                  value={editing.name}
                  onChange={(name) => setEditing({ ...editing, name })}
                />
                <TextField
                  label="Description"
                  value={editing.description}
                  onChange={(description) => setEditing({ ...editing, description })}
                />
              </div>
              <TextField
                label="Subject template"
                value={editing.subject}
                onChange={(subject) => setEditing({ ...editing, subject })}
                wide
              />
              <TextAreaField
                label="Body template"
                value={editing.body}
                onChange={(body) => setEditing({ ...editing, body })}
                rows={8}
              />
              <div className="form-actions">
                <button type="submit" className="button-primary">
                  Save template
                </button>
                {editing.original !== null && (
                  <button type="button" className="button-danger" onClick={() => void remove(editing.original!)}>
                    Delete
                  </button>
                )}
              </div>
            </form>
          ) : (
            <p className="muted">Choose a template to edit it, or start a new one.</p>
          )}
        </div>
      )}
      <p
        className={status?.tone === 'error' ? 'field-error' : 'muted'}
        role={status?.tone === 'error' ? 'alert' : 'status'}
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
