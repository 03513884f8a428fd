import { schemaVersion } from '../store/database';
import type { Status } from '../ipc/channels/system';
import type { AppServices } from './app-services';

export async function readStatus(services: AppServices): Promise<Status> {
  services.settings.read(); // an invalid settings file fails the status with the field at fault
  const count = (table: string) => (services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    dataDir: services.dataDir,
    databaseFile: services.databaseFile,
    settingsFile: services.settings.file,
    schemaVersion: schemaVersion(services.db),
    keys: await services.secrets.configured(),
    keychain: await services.secrets.availability(),
    counts: {
      companies: count('companies'),
      leads: count('leads'),
      drafts: count('drafts'),
      cacheEntries: count('request_cache'),
    },
  };
}
