import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import { UserFacingError } from '../../errors';
import type { intelChannels } from '../channels/intel';
import { reportToMarkdown } from '../../intel/markdown';
import { reportFileName } from '../../intel/report-file';
import { addCurated, removeCurated } from '../../intel/profile-curation';
import type { DocumentToOpen } from '../../research/library-service';

type IntelChannel = keyof typeof intelChannels;

/** Shows a checked library document in the system's viewer; only the desktop app has one. */
export type DocumentOpener = (document: DocumentToOpen) => Promise<void>;

const noOpener: DocumentOpener = () => {
  throw new UserFacingError('no_file_opener', 'This window cannot open files: open documents in the desktop app.');
};

/** Company intelligence for the UI. "Pick a candidate" is a lookup with `pick`; "retry a failed step" is `intel:rerunStep`. */
export function createIntelHandlers(
  services: AppServices,
  openDocument: DocumentOpener = noOpener,
): { [C in IntelChannel]: Handler<C> } {
  const running = new Map<string, AbortController>();
  const indexing = new Map<string, AbortController>();
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
    'intel:profileAdd': (input) => {
      const { entry, merged } = addCurated(services, input);
      return { ...entry, recuratedRunId: merged?.runId ?? null };
    },
    'intel:profileRemove': ({ id }) => {
      const { removed, merged } = removeCurated(services, id);
      return { removed, recuratedRunId: merged?.runId ?? null };
    },
    'intel:curate': (request) => {
      const companyId = intel.report(request.runId)?.companyId;
      if (!companyId) throw new UserFacingError('not_found', `Run ${request.runId} has no company report to curate.`);
      if (request.action === 'remove') {
        if (!services.profiles.remove(request.id, companyId))
          throw new UserFacingError('not_found', `This company has no curated entry ${request.id}.`);
      } else services.profiles.save(companyId, request.entry, request.action === 'edit' ? request.id : undefined);
      return { report: intel.recurate(request.runId), entries: services.profiles.list(companyId) };
    },
    'intel:libraryIndex': async ({ indexId }, context) => {
      const controller = new AbortController();
      if (indexId) indexing.set(indexId, controller);
      try {
        return await services.library.index({
          signal: controller.signal,
          onProgress: (progress) => indexId && context.emit?.('intel:libraryProgress', { ...progress, indexId }),
        });
      } finally {
        if (indexId) indexing.delete(indexId);
      }
    },
    'intel:libraryCancel': ({ indexId }) => {
      const controller = indexing.get(indexId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
    'intel:librarySearch': ({ query, limit }) => services.library.search(query, limit),
    'intel:libraryOpen': async ({ path, page }) => {
      const document = services.library.documentToOpen(path, page);
      await openDocument(document);
      return { path: document.path, page: document.page };
    },
  };
}
