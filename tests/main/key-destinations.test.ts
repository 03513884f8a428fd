import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from './electron-under-test';
import { createFakeElectron, keyringBackedSafeStorage } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { tempDir } from '../support/temp-dir';
import { runCli } from '../support/run-cli';

/**
 * A stored key goes only to a base URL the analyst confirmed in main's own dialog; a base URL that is not
 * https (loopback excepted) is refused outright. Main boots for real with only Electron replaced, and a
 * loopback server speaking Tavily's wire format records every credential header that reaches it.
 */
vi.mock('electron', () => electronModuleProxy(() => state.fake));

const KEY = 'tvly-dev-0123456789abcdef0123456789';
type Result = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Tavily's /search on loopback, recording the Authorization and x-api-key headers of every request. */
async function recordingServer() {
  const credentials: string[] = [];
  const server = http.createServer((request, response) => {
    for (const name of ['authorization', 'x-api-key'])
      if (request.headers[name]) credentials.push(String(request.headers[name]));
    request.resume().on('end', () => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ query: 'connection test', results: [], usage: { credits: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials };
}

async function bootWithKey() {
  state.fake = createFakeElectron({ userData: tempDir(), appPath: repoRoot, isPackaged: true });
  keyringBackedSafeStorage(state.fake);
  vi.resetModules();
  const { startMainProcess } = await import('../../src/main/bootstrap');
  await startMainProcess();
  const fake = state.fake;
  cleanups.push(() => fake.electron.app.emit('will-quit'));
  const call = (channel: string, request?: unknown) =>
    fake.ipcMainHandlers.get(channel)!(
      { senderFrame: { url: 'app://renderer/index.html' }, sender: new fake.FakeWebContents() },
      request,
    ) as Promise<Result>;
  expect(await call('keys:set', { provider: 'tavily', key: KEY })).toMatchObject({ ok: true });
  return { fake, call };
}

describe('a changed base URL and the stored key', () => {
  it('refuses a base URL that is not https, unless it is this machine', async () => {
    const { call } = await bootWithKey();
    for (const baseUrl of ['http://api.tavily.com', 'http://10.0.0.5:8080', 'ftp://files.example']) {
      expect(await call('settings:update', { providers: { tavily: { baseUrl } } }), baseUrl).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/https|http\(s\)/) },
      });
    }
    for (const baseUrl of [
      'https://proxy.example/tavily',
      'http://127.0.0.1:8080',
      'http://localhost:11434',
      'http://[::1]:8080',
    ]) {
      expect(await call('settings:update', { providers: { tavily: { baseUrl } } }), baseUrl).toMatchObject({
        ok: true,
      });
    }
  });

  it('sends no key to a changed base URL until the analyst confirms it in main’s dialog', async () => {
    const server = await recordingServer();
    const { fake, call } = await bootWithKey();
    expect(await call('settings:update', { providers: { tavily: { baseUrl: server.baseUrl } } })).toMatchObject({
      ok: true,
    });
    expect(await call('keys:destinations')).toMatchObject({
      ok: true,
      data: { tavily: { baseUrl: server.baseUrl, confirmed: false } },
    });

    // Unconfirmed: the test call fails with our message and the server sees no credential.
    const refused = await call('keys:test', { provider: 'tavily' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'base_url_unconfirmed', message: expect.stringContaining(server.baseUrl) },
    });
    expect(JSON.stringify(refused)).not.toContain(KEY);
    expect(server.credentials).toEqual([]);

    // The page asks to confirm; the analyst cancels main's dialog: still nothing is sent.
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await call('keys:confirmBaseUrl', { provider: 'tavily', baseUrl: server.baseUrl })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
    expect(fake.electron.dialog.showMessageBox).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ message: `Send your tavily API key to ${server.baseUrl}?`, cancelId: 0, defaultId: 0 }),
    );
    await call('keys:test', { provider: 'tavily' });
    expect(server.credentials).toEqual([]);

    // Confirmed in the dialog: now, and only now, the key goes there.
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await call('keys:confirmBaseUrl', { provider: 'tavily', baseUrl: server.baseUrl })).toMatchObject({
      ok: true,
      data: { tavily: { confirmed: true } },
    });
    expect(await call('keys:test', { provider: 'tavily' })).toMatchObject({ ok: true, data: { ok: true } });
    expect(server.credentials).toEqual([`Bearer ${KEY}`]);
  });

  it('confirms only the address the analyst was shown, not one changed since', async () => {
    const server = await recordingServer();
    const { fake, call } = await bootWithKey();
    await call('settings:update', { providers: { tavily: { baseUrl: server.baseUrl } } });
    fake.electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await call('keys:confirmBaseUrl', { provider: 'tavily', baseUrl: 'http://127.0.0.1:1' })).toMatchObject({
      ok: false,
      error: { code: 'base_url_changed' },
    });
    await call('keys:test', { provider: 'tavily' });
    expect(server.credentials).toEqual([]);
  });

  it('takes a key saved after the change as confirming the base URL it was saved for', async () => {
    const server = await recordingServer();
    const { call } = await bootWithKey();
    await call('settings:update', { providers: { tavily: { baseUrl: server.baseUrl } } });
    await call('keys:set', { provider: 'tavily', key: `${KEY}-new` });
    expect(await call('keys:test', { provider: 'tavily' })).toMatchObject({ ok: true, data: { ok: true } });
    expect(server.credentials).toEqual([`Bearer ${KEY}-new`]);
  });

  it('holds on the command line too, which shares the settings file with the app', async () => {
    const server = await recordingServer();
    const dataDir = tempDir();
    // The settings file points Tavily elsewhere (as a page in the app could have made it); the key comes from the environment.
    expect(
      (await runCli(['--data-dir', dataDir, 'settings', 'set', 'providers.tavily.baseUrl', server.baseUrl])).code,
    ).toBe(0);
    const refused = await runCli(['--data-dir', dataDir, 'lookup', 'Acme'], { TAVILY_API_KEY: KEY });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `The Tavily base URL is now ${server.baseUrl}, which you have not confirmed: the stored Tavily key is not sent there until you confirm it`,
    );
    expect(refused.stderr).toContain('save the key again (crm-intel keys set tavily)');
    expect(server.credentials).toEqual([]);
  });
});
