import fs from 'node:fs';
import path from 'node:path';
import { PROVIDER_IDS, type ProviderId } from '../settings/schema';
import type { KeychainAvailability, SecretStore } from './secret-store';

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

  private read(): Partial<Record<ProviderId, string>> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<Record<ProviderId, string>>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  private write(blobs: Partial<Record<ProviderId, string>>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(blobs, null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
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
