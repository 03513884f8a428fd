import { useMemo, useState } from 'react';
import type { Alert } from '../../../core/watch/domain';
import { ALERT_KINDS, type AlertKind } from '../../../core/watch/alert-diff';
import { KIND_LABELS } from '../../components/alert-kinds';
import { Badge, EmptyState, ErrorBanner } from '../../components/feedback';
import { SourceLink, formatDate } from '../../components/SourceLink';
import { errorMessage } from '../../lib/crm';

export interface AlertsInboxProps {
  alerts: Alert[];
  onMarkRead(ids: number[] | 'all'): Promise<void>;
  onOpenReport(companyId: number): void;
  /** Drafts for the leads already imported at the company; resolves to what happened, in words. */
  onDraftForCompany(companyId: number): Promise<string>;
}

/** What refreshes of watched companies found, each with its sources; filtered by company, kind and unread. */
export function AlertsInbox({ alerts, onMarkRead, onOpenReport, onDraftForCompany }: AlertsInboxProps) {
  const [company, setCompany] = useState<number | 'all'>('all');
  const [kind, setKind] = useState<AlertKind | 'all'>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<number | null>(null);
  const [drafted, setDrafted] = useState<string | null>(null);
  const companies = useMemo(() => [...new Map(alerts.map((a) => [a.companyId, a.companyName])).entries()], [alerts]);
  const shown = alerts.filter(
    (a) =>
      (company === 'all' || a.companyId === company) &&
      (kind === 'all' || a.kind === kind) &&
      (!unreadOnly || a.readAt === null),
  );
  const markRead = (ids: number[] | 'all') =>
    onMarkRead(ids).then(
      () => setError(null),
      (caught: unknown) => setError(errorMessage(caught)),
    );
  const draftFor = async (companyId: number) => {
    setDrafting(companyId);
    setDrafted(null);
    try {
      setDrafted(await onDraftForCompany(companyId));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setDrafting(null);
    }
  };

  if (alerts.length === 0) {
    return (
      <EmptyState title="No alerts yet">
        Watch a company (crm-intel watch add "Company" --every 1d): what its refreshes find changed shows here.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="toolbar">
        <label>
          Company{' '}
          <select
            value={company}
            onChange={(event) => setCompany(event.target.value === 'all' ? 'all' : Number(event.target.value))}
          >
            <option value="all">All companies</option>
            {companies.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select value={kind} onChange={(event) => setKind(event.target.value as AlertKind | 'all')}>
            <option value="all">All kinds</option>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)} />{' '}
          Unread only
        </label>
        <button type="button" onClick={() => void markRead('all')} disabled={!alerts.some((a) => a.readAt === null)}>
          Mark all read
        </button>
      </div>
      {error && <ErrorBanner message={error} />}
      <p className="muted" role="status">
        {drafted ?? ''}
      </p>
      {shown.length === 0 && <p className="muted">No alerts match these filters.</p>}
      <ul className="alert-list" aria-label="Alerts">
        {shown.map((alert) => (
          <li key={alert.id} className="card" aria-label={`${alert.readAt ? '' : 'Unread: '}${alert.summary}`}>
            <div className="toolbar">
              <Badge tone={alert.readAt ? 'neutral' : 'accent'}>{KIND_LABELS[alert.kind]}</Badge>
              <strong>{alert.companyName}</strong>
              <span className="muted">{formatDate(alert.createdAt)}</span>
            </div>
            <p>{alert.summary}</p>
            <ul className="alert-sources">
              {alert.evidence.map((source) => (
                <li key={source.url}>
                  <SourceLink source={source} />
                  {source.text && <blockquote>{source.text}</blockquote>}
                </li>
              ))}
            </ul>
            <div className="toolbar">
              <button type="button" onClick={() => onOpenReport(alert.companyId)}>
                Open report
              </button>
              <button type="button" disabled={drafting !== null} onClick={() => void draftFor(alert.companyId)}>
                {drafting === alert.companyId ? 'Drafting…' : 'Draft for leads at this company'}
              </button>
              {alert.readAt === null && (
                <button type="button" onClick={() => void markRead([alert.id])}>
                  Mark read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
