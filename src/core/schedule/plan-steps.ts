import type { Db } from '../store/database';
import type { RefreshOutcome, WatchService } from '../watch/watch-service';
import type { Notifier } from '../notify/notifier';
import type { AlertNotifications } from '../notify/alert-notifications';
import type { EnrichmentService } from '../enrichment/enrichment-service';
import type { OutreachService } from '../outreach/outreach-service';
import { AlertActionsStore } from '../notify/alert-actions-store';
import { leadIdsOfCompanies } from '../watch/alert-leads-queries';
import { StepFailure, type PlanSteps } from './scheduler';

/** Alerts older than this are not drafted for by a plan: news a week old is no reason to write. */
const DRAFT_LOOKBACK_MS = 7 * 24 * 3_600_000;
/** Alerts one run drafts for at most; the rest wait for the next run. */
const DRAFT_BATCH = 500;

export interface PlanStepServices {
  db: Db;
  watches: WatchService;
  enrichment: EnrichmentService;
  outreach: OutreachService;
  notifications: AlertNotifications;
  now: () => Date;
  /** The app's desktop notifications; the command line has none. */
  notifier?: Notifier;
}

/** One desktop notification per refresh that found something: the company, and what changed. */
function notifyFindings(notifier: Notifier, outcomes: RefreshOutcome[]): number {
  const found = outcomes.filter((o) => o.alerts > 0);
  for (const outcome of found) {
    notifier.notify({
      title: `${outcome.watch.query}: ${outcome.alerts} new alert${outcome.alerts === 1 ? '' : 's'}`,
      body: outcome.summaries.join('\n'),
    });
  }
  return found.length;
}

/** The steps a plan may run, over this process's services. */
export function planSteps(services: PlanStepServices): PlanSteps {
  const actions = new AlertActionsStore(services.db);
  return {
    'refresh-watches': async ({ signal }) => {
      const outcomes = await services.watches.refreshDue({ signal });
      return {
        watchesRefreshed: outcomes.length,
        alerts: outcomes.reduce((sum, o) => sum + o.alerts, 0),
        providerCalls: outcomes.reduce((sum, o) => sum + o.providerCalls, 0),
        watchErrors: outcomes.filter((o) => o.error !== null).length,
        notifications: services.notifier ? notifyFindings(services.notifier, outcomes) : 0,
      };
    },

    // An import has one batch: a later run resumes its unfinished companies and looks none up twice.
    'enrich-import': async ({ signal, spec }) => {
      const batch = services.enrichment.plan({ importId: spec.importId });
      const done = await services.enrichment.run(batch.batchId, { signal });
      const counts = {
        companies: done.companiesTotal,
        companiesDone: done.companiesDone,
        companiesFailed: done.companiesFailed,
        companiesPending: done.companiesPending,
      };
      if (done.companiesFailed > 0)
        throw new StepFailure(
          `${done.companiesFailed} of ${done.companiesTotal} companies failed (crm-intel enrich retry ${batch.batchId}).`,
          counts,
        );
      return counts;
    },

    // Leads that already have a draft keep it: a plan never rewrites what the analyst may be editing.
    'draft-alerts': async ({ signal, alertIds }) => {
      const since = new Date(services.now().getTime() - DRAFT_LOOKBACK_MS).toISOString();
      const alerts = actions.pending('draft', since, DRAFT_BATCH, { ids: alertIds });
      const leadIds = leadIdsOfCompanies(services.db, [...new Set(alerts.map((a) => a.companyId))]);
      const result = leadIds.length ? await services.outreach.draftLeads(leadIds, { signal }) : null;
      actions.markDone(
        alerts.map((a) => a.id),
        'draft',
        services.now().toISOString(),
      );
      return {
        alerts: alerts.length,
        leads: leadIds.length,
        drafted: result?.drafted ?? 0,
        skipped: result?.skipped ?? 0,
        heldBack: result?.heldBack.length ?? 0,
      };
    },

    // Every approved draft, one .eml each under a stable name: a later run rewrites the same files.
    'export-drafts': async ({ spec }) => {
      const { files } = await services.outreach.exportEml(spec.folder);
      return { draftsExported: files.length };
    },

    notify: async ({ signal, alertIds }) => {
      const outcome = await services.notifications.deliverPending(services.now, signal, alertIds);
      const counts = {
        messagesSent: outcome.messages,
        alertsSent: outcome.alerts,
        messagesFailed: outcome.failed,
        providerCalls: outcome.stats.providerCalls,
        credits: outcome.stats.credits,
      };
      if (outcome.failed > 0)
        throw new StepFailure(
          `${outcome.failed} message${outcome.failed === 1 ? '' : 's'} not delivered, sent again on the next run: ${outcome.errors.join('; ')}`,
          counts,
        );
      return counts;
    },
  };
}
