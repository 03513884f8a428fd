import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { useNavigate } from '../../lib/navigation';
import { Badge, ErrorBanner, Skeleton } from '../../components/feedback';
import { formatDate } from '../../components/SourceLink';
import { useState } from 'react';
import { leadName } from './lead-columns';
import { SampleBadge } from '../../components/SampleBadge';
import { LeadEditForm } from './LeadEditForm';
import { LeadScoreList } from './LeadScoreList';
import { editChanges } from './edit-activity';

/** `draft_approved` → "Draft approved". */
const activityLabel = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1).replace(/_/g, ' ');

/**
 * A text drafting records on an activity: why a draft came from the template although the LLM was asked
 * (`llmFallback`), or why the lead got no draft (`reason` of `draft_held_back`).
 */
function detailText(detail: unknown, key: 'llmFallback' | 'reason'): string | null {
  const text = detail !== null && typeof detail === 'object' ? (detail as Record<string, unknown>)[key] : undefined;
  return typeof text === 'string' ? text : null;
}

/** One lead: its fields, how it is worked (status, owner, tags, notes) and scored, its company's report, what happened to it, and its drafts. */
export function LeadDetail({
  leadId,
  onClose,
  onChanged,
}: {
  leadId: number;
  onClose: () => void;
  onChanged?: () => void;
}) {
  const navigate = useNavigate();
  const [version, setVersion] = useState(0);
  const detail = useLoad(() => crm()['leads:get']({ id: leadId }), `lead:${leadId}:${version}`);
  const changed = () => {
    setVersion((v) => v + 1);
    onChanged?.();
  };
  const edits = detail.data
    ? detail.data.activities.filter((a) => a.kind === 'edited').length -
      detail.data.activities.filter((a) => a.kind === 'edit_undone').length
    : 0;
  const drafts = useLoad(() => crm()['drafts:list']({ leadId }), `drafts:${leadId}`);
  const heldBack = detail.data?.activities.some((a) => a.kind === 'draft_held_back') ?? false;
  return (
    <aside className="card lead-detail" aria-label="Lead detail">
      <div className="section-header">
        <h2>
          {detail.data ? leadName(detail.data.lead) : 'Lead'}
          {detail.data && <SampleBadge source={detail.data.lead.source} />}
        </h2>
        <span className="spacer" />
        <button type="button" className="button-small" onClick={onClose} aria-label="Close lead detail">
          Close
        </button>
      </div>
      {detail.state === 'error' && <ErrorBanner message={detail.error} onRetry={detail.reload} />}
      {detail.state === 'loading' && !detail.data && <Skeleton lines={6} label="Loading the lead" />}
      {detail.data && (
        <>
          <dl className="field-list compact">
            {(
              [
                ['Email', detail.data.lead.email],
                ['Phone', detail.data.lead.phone ?? detail.data.lead.phoneRaw],
                ['Title', detail.data.lead.title],
                [
                  'Location',
                  [detail.data.lead.city, detail.data.lead.state, detail.data.lead.country].filter(Boolean).join(', '),
                ],
                ...detail.data.customFields.map((f) => [f.name, f.value] as const),
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="field-pair">
                <dt>{label}</dt>
                <dd>{value || <span className="muted">—</span>}</dd>
              </div>
            ))}
          </dl>
          <LeadEditForm
            key={`${version}:${detail.data.lead.status}:${detail.data.lead.owner}:${detail.data.lead.tags}:${detail.data.lead.notes}`}
            lead={detail.data.lead}
            hasEdits={edits > 0}
            onChanged={changed}
          />
          <LeadScoreList leadId={leadId} version={version} />
          <h3>Company</h3>
          {detail.data.company ? (
            <p>
              <button
                type="button"
                className="link-button"
                onClick={() => navigate({ screen: 'lookup', companyId: detail.data!.company!.id })}
              >
                {detail.data.company.name} report
              </button>
              {detail.data.company.domain && <span className="muted"> · {detail.data.company.domain}</span>}
            </p>
          ) : (
            <p className="muted">No company on this lead.</p>
          )}
          {detail.data.import && (
            <p className="muted">
              From import #{detail.data.import.id}, {detail.data.import.fileName}
              {detail.data.lead.rowNumber !== null && `, row ${detail.data.lead.rowNumber}`}
            </p>
          )}
          <h3>Activity</h3>
          {detail.data.activities.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ul className="activity-list">
              {detail.data.activities.map((a) => {
                const llmFallback = detailText(a.detail, 'llmFallback');
                const heldBack = a.kind === 'draft_held_back' ? detailText(a.detail, 'reason') : null;
                const changes = editChanges(a.kind, a.detail);
                return (
                  <li key={a.id ?? `derived-${a.kind}`}>
                    <span className="event-date">{formatDate(a.createdAt)}</span> {activityLabel(a.kind)}
                    {llmFallback && <span className="muted"> from the template: {llmFallback}</span>}
                    {heldBack && <span className="muted">: {heldBack}</span>}
                    {changes && <span className="muted"> {changes.join('; ')}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <h3>Drafts</h3>
      {drafts.state === 'error' && <p className="field-error">{drafts.error}</p>}
      {drafts.data && drafts.data.drafts.length === 0 && (
        <p className="muted">
          {heldBack
            ? 'No draft: drafting held this lead back (the reason is under Activity).'
            : 'No draft yet: generate drafts for this lead’s import.'}
        </p>
      )}
      {drafts.data && drafts.data.drafts.length > 0 && (
        <ul className="activity-list">
          {drafts.data.drafts.map((d) => (
            <li key={d.id}>
              <Badge tone="neutral">{d.status}</Badge>{' '}
              <button type="button" className="link-button" onClick={() => navigate({ screen: 'drafts', leadId })}>
                {d.subject}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
