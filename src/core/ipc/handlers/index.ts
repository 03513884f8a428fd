import type { AppServices } from '../../services/app-services';
import type { HandlerTable } from '../dispatch';
import { readStatus } from '../../services/status';
import type { SettingsPatch } from '../../settings/settings-service';
import { createLeadHandlers } from './leads';
import { createDraftHandlers } from './drafts';
import { createEnrichmentHandlers } from './enrichment';
import { createIntelHandlers, type DocumentOpener } from './intel';
import { createWatchHandlers } from './watch';
import { createCompanyHandlers } from './companies';
import { createPlanHandlers } from './plans';
import { createWorkflowHandlers } from './workflows';
import { createReportExportHandlers, noPdfPrinter } from './report-export';
import type { PdfPrinter } from '../../intel/report-export';
import type { Notifier } from '../../notify/notifier';
import type { Scheduler } from '../../schedule/scheduler';
import { testConnection } from './connection-test';
import { UserFacingError } from '../../errors';
import { FileTokens } from '../file-tokens';
import { confirmKeyDestination, keyBindingFor, keyDestination } from '../../secrets/key-destinations';
import { ENDPOINT_PROVIDER_IDS, type EndpointProviderId } from '../../providers/registry';

/**
 * The research folder a settings patch may set: the stored one, none, or a folder picked in main's dialog
 * (its token). Main reads what is in it, so a path typed in the page is refused.
 */
function researchFolderOf(value: string, stored: string, files: FileTokens): string {
  return value === '' || value === stored ? value : files.resolve(value, 'folder');
}

/**
 * The handler for every channel of the contract; Electron's main process and the e2e bridge both serve this
 * table, each adding its own `system:pickFile` that issues tokens from `files` (and main its PDF printer, the
 * system's document viewer, `openDocument`, its desktop `notifier`, and the `scheduler` its loop runs); checks on which documents may be opened
 * stay here).
 */
export function createHandlers(
  services: AppServices,
  files: FileTokens = new FileTokens(),
  options: { printPdf?: PdfPrinter; openDocument?: DocumentOpener; notifier?: Notifier; scheduler?: Scheduler } = {},
): HandlerTable {
  const keys = keyBindingFor(
    services.dataDir,
    () => services.settings.read(),
    () => services.effectiveSettings(),
  );
  const destinations = () =>
    Object.fromEntries(ENDPOINT_PROVIDER_IDS.map((id) => [id, keyDestination(id, keys)])) as Record<
      EndpointProviderId,
      { baseUrl: string; confirmed: boolean }
    >;
  return {
    'system:status': () => readStatus(services),
    'system:setup': () => services.setup.state('app'),
    'system:useSample': async () => {
      const sample = await services.setup.useSample();
      return { ...sample, leadsFile: files.issue(sample.leadsFile, 'open') };
    },
    'system:pickFile': () => {
      throw new UserFacingError('no_file_dialog', 'This window has no file dialog, so it cannot read or write files.');
    },
    'settings:get': () => services.settings.read(),
    'settings:update': ({ researchFolder, ...patch }) => {
      const folder =
        researchFolder === undefined
          ? {}
          : {
              researchFolder: researchFolderOf(
                researchFolder as string,
                services.settings.read().researchFolder,
                files,
              ),
            };
      return services.settings.update({ ...patch, ...folder } as SettingsPatch);
    },
    'keys:status': () => services.secrets.configured(),
    'keys:set': async ({ provider, key }) => {
      await services.secrets.set(provider, key);
      return services.secrets.configured();
    },
    'keys:delete': async ({ provider }) => {
      await services.secrets.delete(provider);
      return services.secrets.configured();
    },
    'keys:destinations': destinations,
    'keys:confirmBaseUrl': ({ provider, baseUrl }) => {
      confirmKeyDestination(provider, baseUrl, keys);
      return destinations();
    },
    'keys:test': ({ provider }) => testConnection(services, provider),
    ...createLeadHandlers(services, files),
    ...createDraftHandlers(services, files),
    ...createEnrichmentHandlers(services),
    ...createIntelHandlers(services, options.openDocument),
    ...createWatchHandlers(services),
    ...createCompanyHandlers(services, files),
    ...createPlanHandlers(services, files, options),
    ...createWorkflowHandlers(services),
    ...createReportExportHandlers(services, files, options.printPdf ?? noPdfPrinter),
  };
}
