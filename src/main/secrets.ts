import path from 'node:path';
import { safeStorage } from 'electron';
import { EncryptedFileSecretStore, ENCRYPTED_SECRETS_FILE_NAME } from '../core/secrets/encrypted-file-store';
import { loadKeytarSecretStore } from '../core/secrets/keytar-store';
import type { SecretStore } from '../core/secrets/secret-store';
import type { Logger } from '../core/log/logger';

type SafeStorage = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

/**
 * `safeStorage` may stand in for the keychain only when it really encrypts with an OS secret. On Linux
 * without a keyring it falls back to `basic_text`, a password hard-coded in Chromium: that is plain text
 * in disguise, so it is refused (as is `unknown`, reported before the app is ready).
 */
export function isSafeStorageTrustworthy(
  storage: Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend'>,
  platform: NodeJS.Platform,
): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  const backend = storage.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

/**
 * The app's keys: the OS keychain through keytar; when keytar cannot load or no Secret Service answers,
 * keys encrypted by `safeStorage` in a file in the data folder, if `safeStorage` is trustworthy; otherwise
 * the keytar store, which tells the user what to install whenever a key is needed.
 */
export async function createMainSecretStore(options: {
  dataDir: string;
  loadKeytar?: () => unknown;
  storage?: SafeStorage;
  platform?: NodeJS.Platform;
  log: Logger;
}): Promise<SecretStore> {
  const keytar = await loadKeytarSecretStore(options.loadKeytar);
  const availability = await keytar.availability();
  if (availability.available) return keytar;

  const storage = options.storage ?? safeStorage;
  if (isSafeStorageTrustworthy(storage, options.platform ?? process.platform)) {
    options.log.warn(
      `The OS keychain is unavailable (${availability.problem}); keys are kept encrypted with Electron safeStorage instead.`,
    );
    return new EncryptedFileSecretStore(path.join(options.dataDir, ENCRYPTED_SECRETS_FILE_NAME), storage);
  }
  options.log.warn(`No safe place for API keys: ${availability.problem}`);
  return keytar;
}
