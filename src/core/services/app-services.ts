import { openDatabase, databasePath, type Db, type OpenDatabaseOptions } from '../store/database';
import type { SecretStore } from '../secrets/secret-store';
import { SettingsService, withEnvironmentOverrides, type SettingsBackend } from '../settings/settings-service';
import type { Settings } from '../settings/schema';

export interface AppServicesOptions {
  dataDir: string;
  settingsBackend: SettingsBackend;
  secrets: SecretStore;
  database?: OpenDatabaseOptions;
  env?: NodeJS.ProcessEnv;
}

/**
 * The core services one process uses, built once: the Electron main process, the command line and the
 * tests all assemble the same object, differing only in the settings backend and the secret store.
 */
export interface AppServices {
  dataDir: string;
  databaseFile: string;
  db: Db;
  settings: SettingsService;
  /** Settings with `*_BASE_URL` environment overrides applied: what providers must use. */
  effectiveSettings(): Settings;
  secrets: SecretStore;
  close(): void;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const db = openDatabase(options.dataDir, options.database);
  const settings = new SettingsService(options.settingsBackend);
  const env = options.env ?? process.env;
  return {
    dataDir: options.dataDir,
    databaseFile: databasePath(options.dataDir),
    db,
    settings,
    effectiveSettings: () => withEnvironmentOverrides(settings.read(), env),
    secrets: options.secrets,
    close: () => db.close(),
  };
}
