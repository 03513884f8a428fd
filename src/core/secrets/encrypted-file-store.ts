import { PROVIDER_IDS, type ProviderId } from '../settings/schema';
import type { KeychainAvailability, SecretStore } from './secret-store';
import { readProviderFile, writeProviderFile, type ProviderRecord } from './provider-file';

/** What the store needs from Electron's `safeStorage` (OS-backed encryption); core never imports Electron. */
export interface StringCipher {
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const ENCRYPTED_SECRETS_FILE_NAME = 'secrets.enc.json';

/**
 * API keys encrypted by the OS (Electron `safeStorage`) in one JSON file of base64 blobs, for machines where
 * the keychain module cannot be used. Only ciphertext is ever written; the caller decides whether the
 * cipher is strong enough (on Linux `safeStorage` can silently fall back to a hard-coded password).
 */
export class EncryptedFileSecretStore implements SecretStore {
  constructor(
    readonly file: string,
    private readonly cipher: StringCipher,
  ) {}

  private read(): ProviderRecord {
    return readProviderFile(this.file);
  }

  private write(blobs: ProviderRecord): void {
    writeProviderFile(this.file, blobs);
  }

  async get(provider: ProviderId): Promise<string | null> {
    const blob = this.read()[provider];
    return blob === undefined ? null : this.cipher.decryptString(Buffer.from(blob, 'base64'));
  }

  async set(provider: ProviderId, secret: string): Promise<void> {
    this.write({ ...this.read(), [provider]: this.cipher.encryptString(secret).toString('base64') });
  }

  async delete(provider: ProviderId): Promise<boolean> {
    const blobs = this.read();
    if (blobs[provider] === undefined) return false;
    delete blobs[provider];
    this.write(blobs);
    return true;
  }

  async configured(): Promise<Record<ProviderId, boolean>> {
    const blobs = this.read();
    return Object.fromEntries(PROVIDER_IDS.map((id) => [id, blobs[id] !== undefined])) as Record<ProviderId, boolean>;
  }

  async availability(): Promise<KeychainAvailability> {
    return { available: true };
  }
}
