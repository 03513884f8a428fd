import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, loadKeytarSecretStore } from '../../src/core/secrets/keytar-store';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/**
 * Against the real Secret Service (libsecret over D-Bus): `.ci/run` starts a private session bus with an
 * unlocked gnome-keyring and sets CRM_INTEL_REAL_KEYCHAIN=1. Elsewhere these tests do not run, so a
 * developer's own keyring is never touched by accident.
 */
describe.runIf(process.env.CRM_INTEL_REAL_KEYCHAIN === '1')(
  'the OS keychain through keytar (real Secret Service)',
  () => {
    it('stores, reads, lists and deletes a key under its own service name', async () => {
      const service = `crm-intelligence-test-${randomUUID()}`;
      const store = await loadKeytarSecretStore(undefined, service);
      try {
        expect(await store.availability()).toEqual({ available: true });
        expect(await store.get('tavily')).toBeNull();
        await store.set('tavily', 'tvly-round-trip-1234567890');
        expect(await store.get('tavily')).toBe('tvly-round-trip-1234567890');
        expect(await store.configured()).toEqual({
          tavily: true,
          openai: false,
          anthropic: false,
          groq: false,
          slack: false,
          webhook: false,
        });
        expect(await store.delete('tavily')).toBe(true);
        expect(await store.get('tavily')).toBeNull();
        expect(await store.delete('tavily')).toBe(false);
      } finally {
        await keytar.deletePassword(service, 'tavily');
      }
    });

    describe('crm-intel keys', () => {
      // The command line always uses the app's service; whatever groq key was there before is put back.
      let previous: string | null;
      beforeAll(async () => {
        previous = await keytar.getPassword(KEYCHAIN_SERVICE, 'groq');
        await keytar.deletePassword(KEYCHAIN_SERVICE, 'groq');
      });
      afterAll(async () => {
        if (previous === null) await keytar.deletePassword(KEYCHAIN_SERVICE, 'groq');
        else await keytar.setPassword(KEYCHAIN_SERVICE, 'groq', previous);
      });

      it('set reads the key from standard input, list shows it as set without printing it, delete removes it', async () => {
        const dataDir = tempDir();
        const key = `gsk_${randomUUID().replaceAll('-', '')}`;

        const set = await runCli(['keys', 'set', 'groq', '--data-dir', dataDir], {}, `${key}\n`);
        expect(set).toMatchObject({ code: 0, stderr: '' });
        expect(await keytar.getPassword(KEYCHAIN_SERVICE, 'groq')).toBe(key);

        const list = await runCli(['keys', 'list', '--json', '--data-dir', dataDir]);
        expect(list.code).toBe(0);
        expect(JSON.parse(list.stdout)).toMatchObject({ groq: true });
        for (const output of [set.stdout, set.stderr, list.stdout, list.stderr]) expect(output).not.toContain(key);

        const removed = await runCli(['keys', 'delete', 'groq', '--data-dir', dataDir]);
        expect(removed.code).toBe(0);
        expect(await keytar.getPassword(KEYCHAIN_SERVICE, 'groq')).toBeNull();
        expect(JSON.parse((await runCli(['keys', 'list', '--json', '--data-dir', dataDir])).stdout)).toMatchObject({
          groq: false,
        });
      });
    });
  },
);
