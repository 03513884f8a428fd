import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { useNavigate } from '../../lib/navigation';
import { useReloadUnreadAlerts } from '../../lib/unread-alerts';
import { ErrorBanner, Skeleton } from '../../components/feedback';
import { AlertsInbox } from './AlertsInbox';

/** The alerts inbox over `alerts:list`; marking read also refreshes the navigation's badge. */
export function AlertsScreen() {
  const alerts = useLoad(() => crm()['alerts:list']({}), 'alerts');
  const navigate = useNavigate();
  const reloadBadge = useReloadUnreadAlerts();
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Alerts</h1>
        <p className="muted">What refreshes of watched companies found changed since their previous report, with the sources behind each.</p>
      </header>
      {alerts.state === 'error' && <ErrorBanner message={alerts.error} onRetry={alerts.reload} />}
      {!alerts.data && alerts.state === 'loading' && <Skeleton lines={5} label="Loading alerts" />}
      {alerts.data && (
        <AlertsInbox
          alerts={alerts.data}
          onOpenReport={(companyId) => navigate({ screen: 'lookup', companyId })}
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
