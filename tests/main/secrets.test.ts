import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { createFileLogger } from '../../src/core/log/logger';
import { Redactor } from '../../src/core/log/redactor';
import { EncryptedFileSecretStore } from '../../src/core/secrets/encrypted-file-store';
import { KeytarSecretStore } from '../../src/core/secrets/keytar-store';
import { tempDir } from '../support/temp-dir';

const state = vi.hoisted(() => ({ fake: undefined as FakeElectron | undefined }));
vi.mock('electron', () => electronModuleProxy(() => state.fake));
const { createMainSecretStore, isSafeStorageTrustworthy } = await import('../../src/main/secrets');

const storage = (available: boolean, backend: string) => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as 'basic_text',
  encryptString: (text: string) => Buffer.from(text.split('').reverse().join('')),
  decryptString: (blob: Buffer) => blob.toString().split('').reverse().join(''),
});

const keytarThatCannotLoad = () => {
  throw new Error('Cannot find module keytar.node');
};

describe('where the app keeps keys', () => {
  it.each([
    ['linux', true, 'gnome_libsecret', true],
    ['linux', true, 'kwallet5', true],
    ['linux', true, 'basic_text', false],
    ['linux', true, 'unknown', false],
    ['linux', false, 'gnome_libsecret', false],
    ['darwin', true, 'unknown', true],
    ['win32', true, 'unknown', true],
    ['win32', false, 'unknown', false],
  ] as const)(
    'on %s with encryption %s and backend %s, safeStorage is trusted: %s',
    (platform, available, backend, trusted) => {
      expect(isSafeStorageTrustworthy(storage(available, backend), platform)).toBe(trusted);
    },
  );

  it('uses safeStorage-encrypted keys in the data folder when keytar cannot load and safeStorage is backed by a keyring', async () => {
    const dataDir = tempDir();
    const log = createFileLogger(dataDir, new Redactor());
    const store = await createMainSecretStore({
      dataDir,
      loadKeytar: keytarThatCannotLoad,
      storage: storage(true, 'kwallet5'),
      platform: 'linux',
      log,
    });
    expect(store).toBeInstanceOf(EncryptedFileSecretStore);
    await store.set('anthropic', 'sk-ant-secret-value');
    expect(await store.get('anthropic')).toBe('sk-ant-secret-value');
    expect(fs.readFileSync(path.join(dataDir, 'secrets.enc.json'), 'utf8')).not.toContain('sk-ant-secret-value');
    expect(fs.readFileSync(log.file, 'utf8')).toMatch(/keys are kept encrypted with Electron safeStorage/);
  });

  it('never falls back to basic_text: keys stay unavailable, with what to install', async () => {
    const dataDir = tempDir();
    const store = await createMainSecretStore({
      dataDir,
      loadKeytar: keytarThatCannotLoad,
      storage: storage(true, 'basic_text'),
      platform: 'linux',
      log: createFileLogger(dataDir, new Redactor()),
    });
    expect(store).toBeInstanceOf(KeytarSecretStore);
    expect(await store.availability()).toMatchObject({
      available: false,
      problem: expect.stringMatching(/gnome-keyring/),
    });
    await expect(store.set('tavily', 'tvly-should-not-land-anywhere')).rejects.toMatchObject({
      code: 'keychain_unavailable',
    });
    expect(fs.existsSync(path.join(dataDir, 'secrets.enc.json'))).toBe(false);
  });

  it('prefers the OS keychain whenever keytar answers', async () => {
    const dataDir = tempDir();
    const keytar = {
      getPassword: async () => null,
      setPassword: async () => {},
      deletePassword: async () => false,
      findCredentials: async () => [],
    };
    const store = await createMainSecretStore({
      dataDir,
      loadKeytar: () => keytar,
      storage: storage(true, 'gnome_libsecret'),
      platform: 'linux',
      log: createFileLogger(dataDir, new Redactor()),
    });
    expect(store).toBeInstanceOf(KeytarSecretStore);
  });
});

describe('events to the renderer', () => {
  it('refuses to send an event the contract does not define', async () => {
    state.fake = createFakeElectron({ userData: tempDir(), appPath: tempDir() });
    const { sendEvent } = await import('../../src/main/ipc');
    const contents = new state.fake.FakeWebContents();
    expect(() => sendEvent(contents as never, 'made:up', {})).toThrow(/No such event/);
    expect(contents.sent).toEqual([]);
  });
});
