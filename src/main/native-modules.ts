import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where `scripts/prepare-electron-native.mjs` puts native modules rebuilt for Electron's ABI. */
export const ELECTRON_NATIVE_DIR = '.electron-native';

export interface NativeModules {
  /** better-sqlite3's binary for `openDatabase({ nativeBinding })`; unset means the one in node_modules. */
  sqliteBinding?: string;
  /** Loads keytar; unset means `import('keytar')` from node_modules. */
  loadKeytar?: () => unknown;
}

export class NativeModulesMissingError extends Error {}

/**
 * A packaged app has its node_modules rebuilt for Electron by electron-builder. Run from the source tree
 * (`npm start`), node_modules holds the Node builds the tests use, so main loads the Electron builds kept
 * in `.electron-native/` instead.
 */
export function locateNativeModules(appPath: string, isPackaged: boolean): NativeModules {
  if (isPackaged) return {};
  const modules = path.join(appPath, ELECTRON_NATIVE_DIR, 'node_modules');
  const sqliteBinding = path.join(modules, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(sqliteBinding)) {
    throw new NativeModulesMissingError(
      `better-sqlite3 has not been built for Electron (${sqliteBinding} is missing). Run \`node scripts/prepare-electron-native.mjs\` (it needs network access for Electron's headers), or start the app with \`npm start\`, which runs it.`,
    );
  }
  const keytarDir = path.join(modules, 'keytar');
  return { sqliteBinding, loadKeytar: () => createRequire(import.meta.url)(keytarDir) };
}
