import os from 'node:os';
import path from 'node:path';

/** Must match package.json `productName`: Electron names its userData folder after it. */
export const APP_FOLDER_NAME = 'CRM Intelligence';

/** The folder Electron's `app.getPath('userData')` resolves to for this app, computed without Electron. */
export function electronUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
  }
}

/** Command-line precedence: `--data-dir`, then `CRM_INTEL_DATA_DIR`, then the app's own folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.CRM_INTEL_DATA_DIR;
  return chosen ? path.resolve(chosen) : electronUserDataDir(process.platform, env);
}
