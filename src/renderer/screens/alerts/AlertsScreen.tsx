import { crm } from '../../lib/crm';
import type { Response } from '../../../core/ipc/contract';
import { useLoad } from '../../lib/use-load';
import { useNavigate } from '../../lib/navigation';
import { useReloadUnreadAlerts } from '../../lib/unread-alerts';
import { ErrorBanner, Skeleton } from '../../components/feedback';
import { AlertsInbox } from './AlertsInbox';
import { heldBackClause } from '../drafts/held-back';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** What drafting for a company's leads did, in one sentence; the drafts themselves are on the Drafts screen. */
function describeDrafting(run: Response<'alerts:draftForCompany'>): string {
  const rest = [run.skipped ? `${run.skipped} already had one` : '', heldBackClause(run.heldBack)].filter(Boolean);
  return `Drafted ${plural(run.drafted, 'email')} for ${plural(run.leads, 'lead')}${rest.length ? `; ${rest.join(', ')}` : ''}. Review them on the Drafts screen.`;
}

/** The alerts inbox over `alerts:list`; marking read also refreshes the navigation's badge. */
export function AlertsScreen() {
  const alerts = useLoad(() => crm()['alerts:list']({}), 'alerts');
  const navigate = useNavigate();
  const reloadBadge = useReloadUnreadAlerts();
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Alerts</h1>
        <p className="muted">
          What refreshes of watched companies found changed since their previous report, with the sources behind each.
        </p>
      </header>
      {alerts.state === 'error' && <ErrorBanner message={alerts.error} onRetry={alerts.reload} />}
      {!alerts.data && alerts.state === 'loading' && <Skeleton lines={5} label="Loading alerts" />}
      {alerts.data && (
        <AlertsInbox
          alerts={alerts.data}
          onOpenReport={(companyId) => navigate({ screen: 'lookup', companyId })}
          onDraftForCompany={async (companyId) =>
            describeDrafting(await crm()['alerts:draftForCompany']({ companyId }))
          }
          onMarkRead={async (ids) => {
            await crm()['alerts:markRead']({ ids });
            alerts.reload();
            reloadBadge();
          }}
        />
      )}
    </div>
  );
}
