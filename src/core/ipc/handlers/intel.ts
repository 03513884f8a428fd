import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import { UserFacingError } from '../../errors';
import type { intelChannels } from '../channels/intel';
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
    'intel:recentCompanies': ({ limit }) => intel.recentCompanies(limit),
    'intel:report': ({ runId, companyId }) =>
      runId ? intel.report(runId) : companyId ? intel.latestReport(companyId) : null,
    'intel:facts': ({ companyId, sections }) => intel.latestFacts(companyId, sections),
    'intel:runs': ({ companyId, limit }) => intel.runs({ companyId, limit }),
    'intel:exportMarkdown': ({ runId }) => {
      const report = intel.report(runId);
      if (!report) throw new UserFacingError('not_found', `There is no stored report for run ${runId}.`);
      const slug =
        report.company.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'company';
      return { fileName: `${slug}-${report.generatedAt.slice(0, 10)}.md`, markdown: intel.toMarkdown(report) };
    },
    'intel:profile': ({ company }) => services.profiles.list(company),
    'intel:profileAdd': (input) => services.profiles.add(input),
    'intel:profileRemove': ({ id }) => ({ removed: services.profiles.remove(id) }),
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
