import type { AppServices } from '../../services/app-services';
import type { HandlerTable } from '../dispatch';
import { readStatus } from '../../services/status';
import type { SettingsPatch } from '../../settings/settings-service';
import { createLeadHandlers } from './leads';
import { createDraftHandlers } from './drafts';
import { createEnrichmentHandlers } from './enrichment';
import { createIntelHandlers } from './intel';
import { testConnection } from './connection-test';
import { UserFacingError } from '../../errors';

/** The handler for every channel of the contract; Electron's main process and the e2e bridge both serve this table. */
export function createHandlers(services: AppServices): HandlerTable {
  return {
    'system:status': () => readStatus(services),
    'system:pickFile': () => {
      throw new UserFacingError('no_file_dialog', 'This window has no file dialog: type the full path of the file instead.');
    },
    'settings:get': () => services.settings.read(),
    'settings:update': (patch) => services.settings.update(patch as SettingsPatch),
    'keys:status': () => services.secrets.configured(),
    'keys:set': async ({ provider, key }) => {
      await services.secrets.set(provider, key);
      return services.secrets.configured();
    },
    'keys:delete': async ({ provider }) => {
      await services.secrets.delete(provider);
      return services.secrets.configured();
    },
    'keys:test': ({ provider }) => testConnection(services, provider),
    ...createLeadHandlers(services),
    ...createDraftHandlers(services),
    ...createEnrichmentHandlers(services),
    ...createIntelHandlers(services),
  };
}
