import Conf from 'conf';
import path from 'node:path';
import { SettingsError } from './settings-service';
import type { SettingsBackend } from './settings-service';

/** The file name electron-store uses by default (`config.json` in userData), so app and CLI share it. */
export const SETTINGS_FILE_NAME = 'config';

/** Settings for the command line, on the same file electron-store uses in the app. */
export function openConfBackend(dataDir: string): SettingsBackend {
  try {
    return new Conf<Record<string, unknown>>({
      cwd: dataDir,
      configName: SETTINGS_FILE_NAME,
      projectName: 'crm-intelligence',
      clearInvalidConfig: false,
    });
  } catch (error) {
    throw unreadableSettingsFile(dataDir, error);
  }
}

/** The error for a settings file that conf or electron-store cannot even parse (for example broken JSON). */
export function unreadableSettingsFile(dataDir: string, error: unknown): SettingsError {
  return new SettingsError(path.join(dataDir, `${SETTINGS_FILE_NAME}.json`), [
    { field: '(file)', message: error instanceof Error ? error.message : String(error) },
  ]);
}
