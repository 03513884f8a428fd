import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, type StringCipher } from '../../src/core/secrets/encrypted-file-store';
import { tempDir } from '../support/temp-dir';

/** A reversible stand-in for safeStorage that visibly changes every byte. */
const xorCipher: StringCipher = {
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (blob) => Buffer.from(blob.map((b) => b ^ 0x5a)).toString('utf8'),
};

describe('EncryptedFileSecretStore (the safeStorage fallback)', () => {
  it('round-trips keys per provider and writes only ciphertext, readable by the owner alone', async () => {
    const file = path.join(tempDir(), 'secrets.enc.json');
    const store = new EncryptedFileSecretStore(file, xorCipher);
    expect(await store.get('openai')).toBeNull();
    await store.set('openai', 'sk-proj-abcdef123456');
    await store.set('tavily', 'tvly-dev-987654');
    expect(await store.get('openai')).toBe('sk-proj-abcdef123456');
    expect(await store.configured()).toEqual({
      tavily: true,
      openai: true,
      anthropic: false,
      groq: false,
      slack: false,
      webhook: false,
    });

    const onDisk = fs.readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('sk-proj-abcdef123456');
    expect(onDisk).not.toContain('tvly-dev-987654');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);

    expect(await store.delete('openai')).toBe(true);
    expect(await store.delete('openai')).toBe(false);
    expect(await new EncryptedFileSecretStore(file, xorCipher).configured()).toEqual({
      tavily: true,
      openai: false,
      anthropic: false,
      groq: false,
      slack: false,
      webhook: false,
    });
  });
});
