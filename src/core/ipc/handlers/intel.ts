import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import { UserFacingError } from '../../errors';
import type { intelChannels } from '../channels/intel';
import { reportToMarkdown } from '../../intel/markdown';
import { reportFileName } from '../../intel/report-file';

type IntelChannel = keyof typeof intelChannels;

/** Company intelligence for the UI. "Pick a candidate" is a lookup with `pick`; "retry a failed step" is `intel:rerunStep`. */
export function createIntelHandlers(services: AppServices): { [C in IntelChannel]: Handler<C> } {
  const running = new Map<string, AbortController>();
  const { intel } = services;
  return {
    'intel:lookup': async ({ lookupId, query, workflow, types, refresh, pick }, context) => {
      const controller = new AbortController();
      running.set(lookupId, controller);
      try {
        return await intel.lookup(query, {
          workflow,
          types,
          refresh,
          pick,
          signal: controller.signal,
          onProgress: (event) => context.emit?.('intel:progress', { ...event, lookupId }),
        });
      } finally {
        running.delete(lookupId);
      }
    },
    'intel:cancel': ({ lookupId }) => {
      const controller = running.get(lookupId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
    'intel:rerunStep': ({ runId, component, refresh }, context) =>
      intel.rerunStep(runId, component, {
        refresh,
        onProgress: (event) => context.emit?.('intel:progress', { ...event, lookupId: `run-${runId}` }),
      }),
    'intel:recentCompanies': ({ limit }) => services.companies.recent(limit),
    'intel:report': ({ runId, companyId }) =>
      runId ? intel.report(runId) : companyId ? intel.latestReport(companyId) : null,
    'intel:facts': ({ companyId, sections }) => intel.latestFacts(companyId, sections),
    'intel:runs': ({ companyId, limit }) => intel.runs({ companyId, limit }),
    'intel:exportMarkdown': ({ runId }) => {
      const report = intel.report(runId);
      if (!report) throw new UserFacingError('not_found', `There is no stored report for run ${runId}.`);
      return { fileName: reportFileName(report, 'md'), markdown: reportToMarkdown(report) };
    },
    'intel:profile': ({ company }) => services.profiles.list(company),
    'intel:profileAdd': (input) => services.profiles.add(input),
    'intel:profileRemove': ({ id }) => ({ removed: services.profiles.remove(id) }),
    'intel:curate': (request) => {
      const companyId = intel.report(request.runId)?.companyId;
      if (!companyId) throw new UserFacingError('not_found', `Run ${request.runId} has no company report to curate.`);
      if (request.action === 'remove') {
        if (!services.profiles.remove(request.id, companyId))
          throw new UserFacingError('not_found', `This company has no curated entry ${request.id}.`);
      } else services.profiles.save(companyId, request.entry, request.action === 'edit' ? request.id : undefined);
      return { report: intel.recurate(request.runId), entries: services.profiles.list(companyId) };
    },
    'intel:libraryIndex': () => services.library.index(),
    'intel:librarySearch': ({ query, limit }) => services.library.search(query, limit),
  };
}
