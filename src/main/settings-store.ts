import Store from 'electron-store';
import { SETTINGS_FILE_NAME, unreadableSettingsFile } from '../core/settings/conf-backend';
import type { SettingsBackend } from '../core/settings/settings-service';

/** The app's settings: electron-store on `config.json` in the data folder, the same file the command line's `conf` uses. */
export function openElectronStoreBackend(dataDir: string): SettingsBackend {
  try {
    return new Store<Record<string, unknown>>({ cwd: dataDir, name: SETTINGS_FILE_NAME, clearInvalidConfig: false });
  } catch (error) {
    throw unreadableSettingsFile(dataDir, error);
  }
}
