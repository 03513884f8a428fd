import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from '../main/electron-under-test';
import { createFakeElectron, keyringBackedSafeStorage } from '../main/fake-electron';
import { electronModuleProxy } from '../main/mock-electron';
import { contract } from '../../src/core/ipc/contract';
import { tempDir } from '../support/temp-dir';

/**
 * The whole desktop path with only Electron replaced: main boots over a real data folder, the key goes in
 * through IPC, a run uses it against a loopback server speaking Tavily's wire format, and every read-only
 * channel is called the way the renderer calls it.
 */
vi.mock('electron', () => electronModuleProxy(() => state.fake));

/**
 * Tavily's /search on loopback. It records the Authorization headers; after the first success it answers
 * 401 and echoes the key back in its error detail, as a careless server might.
 */
async function tavilyServer() {
  const authorizations: string[] = [];
  const server = http.createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    authorizations.push(authorization);
    request.resume().on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url !== '/search') return response.writeHead(404).end('{}');
      if (authorizations.length > 1)
        return response
          .writeHead(401)
          .end(
            JSON.stringify({ detail: { error: `Unauthorized: ${authorization.replace('Bearer ', '')} is not valid` } }),
          );
      response.end(
        JSON.stringify({
          query: 'connection test',
          results: [{ title: 'Acme', url: 'https://acme.example/', content: 'Acme makes anvils.', score: 0.9 }],
          usage: { credits: 1 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    close: () => new Promise((r) => server.close(r)),
  };
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Read-only channels: the ones that only look. Called with no request, else an empty one; skipped if they need more. */
const READ_ONLY_ACTION =
  /^(get|status|list|show|read|search|find|history|count|summary|facts|report|runs|recent|rejected)/;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('an API key used by the app leaves no trace', () => {
  it('appears in no file of the data folder, no log and no IPC response, even when a provider echoes it', async () => {
    const key = `tvly-dev-${randomBytes(16).toString('hex')}`;
    const userData = tempDir();
    state.fake = createFakeElectron({ userData, appPath: repoRoot, isPackaged: true });
    keyringBackedSafeStorage(state.fake);
    const server = await tavilyServer();
    cleanups.push(server.close);

    const { startMainProcess } = await import('../../src/main/bootstrap');
    await startMainProcess();
    cleanups.push(() => state.fake!.electron.app.emit('will-quit'));
    const renderer = new state.fake.FakeWebContents();
    const call = (channel: string, request?: unknown) =>
      state.fake!.ipcMainHandlers.get(channel)!(
        { senderFrame: { url: 'app://renderer/index.html' }, sender: renderer },
        request,
      ) as Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
    const responses: unknown[] = [];

    responses.push(await call('keys:set', { provider: 'tavily', key }));
    responses.push(await call('settings:update', { providers: { tavily: { baseUrl: server.baseUrl } } }));
    // A changed base URL receives the key only once the analyst confirms it in main's dialog.
    state.fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    responses.push(await call('keys:confirmBaseUrl', { provider: 'tavily', baseUrl: server.baseUrl }));

    // The run: "test connection" sends one authenticated search with the key as a Bearer token.
    const connected = await call('keys:test', { provider: 'tavily' });
    expect(connected).toMatchObject({ ok: true, data: { ok: true } });
    expect(server.authorizations).toEqual([`Bearer ${key}`]);
    // The server now rejects the key and echoes it; the renderer gets our own words, none of the provider's.
    const echoed = await call('keys:test', { provider: 'tavily' });
    expect(echoed).toEqual({
      ok: true,
      data: { ok: false, kind: 'auth', message: 'The key was refused: check that it is complete and still active.' },
    });
    responses.push(connected, echoed);

    const called: string[] = [];
    for (const channel of Object.keys(contract)) {
      if (!READ_ONLY_ACTION.test(channel.split(':').at(-1) ?? '')) continue;
      let response = await call(channel, undefined);
      if (!response.ok && (response.error as { code: string }).code === 'invalid_request')
        response = await call(channel, {});
      if (!response.ok && (response.error as { code: string }).code === 'invalid_request') continue;
      called.push(channel);
      responses.push(response);
    }
    expect(called).toEqual(expect.arrayContaining(['system:status', 'settings:get', 'keys:status']));
    expect(responses).toContainEqual({ ok: true, data: expect.objectContaining({ tavily: true }) });
    for (const response of [...responses, ...renderer.sent]) expect(JSON.stringify(response)).not.toContain(key);

    state.fake.electron.app.emit('will-quit');
    const files = filesUnder(userData);
    expect(files).toEqual(
      expect.arrayContaining([
        path.join(userData, 'logs', 'crm-intelligence.log'),
        path.join(userData, 'secrets.enc.json'),
        path.join(userData, 'config.json'),
        path.join(userData, 'crm-intelligence.sqlite'),
      ]),
    );
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from(key, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(key, 'utf16le')), file).toBe(false);
      expect(
        bytes.includes(Buffer.from(key.slice('tvly-dev-'.length), 'utf8')),
        `${file} holds the key without its prefix`,
      ).toBe(false);
    }
  });
});
