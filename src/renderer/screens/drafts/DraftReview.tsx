import { useEffect, useState } from 'react';
import { DRAFT_STATUSES, type Draft, type DraftStatus } from '../../../core/outreach/draft-schema';
import { Badge, EmptyState } from '../../components/feedback';
import { errorMessage } from '../../lib/crm';
import { isTypingTarget } from '../../lib/navigation';
import { LintedText } from './LintedText';
import { DraftFacts, type DraftSource } from './DraftFacts';
import { SampleBadge } from '../../components/SampleBadge';

export interface DraftActions {
  save(id: number, change: { subject: string; body: string }): Promise<void>;
  setStatus(id: number, status: DraftStatus): Promise<void>;
  regenerate(id: number): Promise<void>;
  /** Puts the draft on the clipboard and marks it copied. */
  copy(draft: Draft): Promise<void>;
  approveAll(ids: number[]): Promise<void>;
  /** The sources (title, date) of the facts the draft states. */
  sources(id: number): Promise<DraftSource[]>;
}

const STATUS_TONES = { draft: 'neutral', approved: 'success', rejected: 'danger', copied: 'accent' } as const;
export type StatusFilter = DraftStatus | 'all';

/**
 * The review queue: the list on the left, the selected draft in the middle, the facts it uses on the
 * right. Keys (outside text fields): j / k next and previous, a approve, c copy.
 */
export function DraftReview({
  drafts,
  filter,
  onFilter,
  actions,
  counts,
  onExport,
}: {
  drafts: Draft[];
  filter: StatusFilter;
  onFilter: (filter: StatusFilter) => void;
  actions: DraftActions;
  counts?: Partial<Record<DraftStatus, number>>;
  onExport: () => void;
}) {
  const [selectedId, setSelectedId] = useState<number | null>(drafts[0]?.id ?? null);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const index = Math.max(
    0,
    drafts.findIndex((d) => d.id === selectedId),
  );
  const selected = drafts[index];

  const run = async (work: () => Promise<void>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage({ tone: 'ok', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };
  const move = (delta: number) => {
    const next = drafts[Math.min(drafts.length - 1, Math.max(0, index + delta))];
    if (next) setSelectedId(next.id);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey || !selected) return;
      const handlers: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        a: () => void run(() => actions.setStatus(selected.id, 'approved'), 'Approved.'),
        c: () => void run(() => actions.copy(selected), 'Copied to the clipboard.'),
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const pending = drafts.filter((d) => d.status === 'draft').map((d) => d.id);
  return (
    <div className="draft-review">
      <div className="toolbar">
        <label htmlFor="draft-filter">Status</label>
        <select
          id="draft-filter"
          value={filter}
          onChange={(e) => onFilter(e.target.value as StatusFilter)}
          style={{ width: 'auto' }}
        >
          <option value="all">All</option>
          {DRAFT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
              {counts?.[s] !== undefined ? ` (${counts[s]})` : ''}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <span className="muted">
          <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>a</kbd> approve · <kbd>c</kbd> copy
        </span>
        <button
          type="button"
          disabled={pending.length === 0}
          onClick={() => void run(() => actions.approveAll(pending), `Approved ${pending.length} drafts.`)}
        >
          Approve all shown ({pending.length})
        </button>
        <button type="button" onClick={onExport}>
          Export approved…
        </button>
      </div>
      <p
        className={message?.tone === 'error' ? 'field-error action-message' : 'muted action-message'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
      {drafts.length === 0 ? (
        <EmptyState title={filter === 'all' ? 'No drafts yet' : `No ${filter} drafts`}>
          Import leads, then generate drafts from the Leads screen; they wait here for your review.
        </EmptyState>
      ) : (
        <div className="review-columns">
          <ul className="draft-queue" aria-label="Drafts">
            {drafts.map((d) => (
              <li key={d.id}>
                <button
                  type="button"
                  className="queue-item"
                  aria-current={d.id === selected?.id ? 'true' : undefined}
                  onClick={() => setSelectedId(d.id)}
                >
                  <span className="queue-name">
                    <span className="queue-name-text">{d.toName || d.to || 'Unknown'}</span>
                    <SampleBadge source={d.leadSource} />
                  </span>
                  <Badge tone={STATUS_TONES[d.status]}>{d.status}</Badge>
                  <span className="muted queue-company">{d.company}</span>
                  {d.lint.length > 0 && (
                    <span className="queue-lint">
                      {d.lint.length} warning{d.lint.length === 1 ? '' : 's'}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          {selected && (
            <DraftEditor key={`${selected.id}:${selected.updatedAt}`} draft={selected} actions={actions} run={run} />
          )}
        </div>
      )}
    </div>
  );
}

function DraftEditor({
  draft,
  actions,
  run,
}: {
  draft: Draft;
  actions: DraftActions;
  run: (work: () => Promise<void>, done: string) => Promise<void>;
}) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const edited = subject !== draft.subject || body !== draft.body;
  return (
    <>
      <section className="card draft-editor" aria-label="Draft">
        <div className="section-header">
          <h2>
            To {draft.toName} {draft.to && <span className="muted">&lt;{draft.to}&gt;</span>}
            <SampleBadge source={draft.leadSource} />
          </h2>
          <Badge tone={STATUS_TONES[draft.status]}>{draft.status}</Badge>
        </div>
        {draft.llmFallback && (
          <p className="banner banner-warning draft-fallback" role="note">
            Written from the template instead of the LLM: {draft.llmFallback}.
          </p>
        )}
        <div className="field">
          <label htmlFor="draft-subject">Subject</label>
          <input id="draft-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="draft-body">Body</label>
          <textarea id="draft-body" rows={12} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="toolbar">
          <button
            type="button"
            disabled={!edited}
            onClick={() => void run(() => actions.save(draft.id, { subject, body }), 'Edit saved.')}
          >
            Save edit
          </button>
          <button
            type="button"
            className="button-primary"
            disabled={edited}
            title={edited ? 'Save the edit first' : undefined}
            onClick={() => void run(() => actions.setStatus(draft.id, 'approved'), 'Approved.')}
          >
            Approve
          </button>
          <button
            type="button"
            disabled={edited}
            onClick={() => void run(() => actions.copy(draft), 'Copied to the clipboard.')}
          >
            Copy
          </button>
          <button
            type="button"
            className="button-danger"
            onClick={() => void run(() => actions.setStatus(draft.id, 'rejected'), 'Rejected.')}
          >
            Reject
          </button>
          <button type="button" onClick={() => void run(() => actions.regenerate(draft.id), 'Regenerated.')}>
            Regenerate
          </button>
        </div>
        {draft.lint.length > 0 && (
          <div className="lint" aria-label="Lint warnings" role="group">
            <h3>Warnings</h3>
            <ul>
              {draft.lint.map((w, i) => (
                <li key={i}>
                  <Badge tone="warning">{w.rule.replace(/_/g, ' ')}</Badge> {w.message}{' '}
                  {w.text && <q className="mono">{w.text}</q>}
                </li>
              ))}
            </ul>
            <h3>Where</h3>
            <LintedText text={draft.subject} warnings={draft.lint.filter((w) => w.field === 'subject')} />
            <LintedText text={draft.body} warnings={draft.lint.filter((w) => w.field === 'body')} />
          </div>
        )}
      </section>
      <DraftFacts draft={draft} loadSources={actions.sources} />
    </>
  );
}
