import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { watchChannels } from '../channels/watch';
import { watchServiceFor } from '../../schedule/app-scheduler';
import { leadIdsOfCompanies } from '../../watch/alert-leads-queries';
import { UserFacingError } from '../../errors';

type WatchChannel = keyof typeof watchChannels;

/** The watch list and alerts channels over the process's services. */
export function createWatchHandlers(services: AppServices): { [C in WatchChannel]: Handler<C> } {
  const watches = watchServiceFor(services);
  return {
    'watch:list': () => watches.list(),
    'watch:add': ({ query, workflow, every }) => watches.add(query, { workflow, every }),
    'watch:remove': (request) => {
      if ('companyIds' in request) return { removed: watches.removeCompanies(request.companyIds) };
      watches.remove(request.query);
      return { removed: 1 };
    },
    'alerts:list': (filter) => watches.alerts(filter),
    'alerts:markRead': ({ ids }) => ({ marked: watches.markRead(ids) }),
    'alerts:unreadCount': () => ({ count: watches.unreadCount() }),
    'alerts:draftForCompany': async ({ companyId }) => {
      const leadIds = leadIdsOfCompanies(services.db, [companyId]);
      if (leadIds.length === 0)
        throw new UserFacingError(
          'no_leads',
          'No leads are imported for this company yet: import them on the Leads screen, then draft.',
        );
      return { leads: leadIds.length, ...(await services.outreach.draftLeads(leadIds)) };
    },
  };
}
