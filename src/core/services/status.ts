import { schemaVersion } from '../store/database';
import type { Status } from '../ipc/channels/system';
import type { AppServices } from './app-services';
import { dataCounts } from './status-queries';

export async function readStatus(services: AppServices): Promise<Status> {
  services.settings.read(); // an invalid settings file fails the status with the field at fault
  return {
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    settingsFile: services.settings.file,
    schemaVersion: schemaVersion(services.db),
    keys: await services.secrets.configured(),
    keychain: await services.secrets.availability(),
    counts: dataCounts(services.db),
  };
}
