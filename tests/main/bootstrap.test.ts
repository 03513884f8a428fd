import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from './electron-under-test';
import { createFakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { contract } from '../../src/core/ipc/contract';
import { migrations } from '../../src/core/store/migrations';
import { DROPPED_FILE_CHANNEL, IPC_NAMES_ARGUMENT } from '../../src/preload/ipc-names';
import { tempDir } from '../support/temp-dir';

vi.mock('electron', () => electronModuleProxy(() => state.fake));

async function boot(options: { singleInstance?: boolean } = {}) {
  const userData = tempDir();
  state.fake = createFakeElectron({ userData, appPath: repoRoot, isPackaged: true, ...options });
  vi.resetModules();
  const { startMainProcess } = await import('../../src/main/bootstrap');
  const window = await startMainProcess();
  return { fake: state.fake, userData, window };
}

const appFrame = { url: 'app://renderer/index.html' };

describe('main process start-up', () => {
  beforeEach(() => delete process.env.ELECTRON_RENDERER_URL);
  afterEach(() => vi.restoreAllMocks());

  it('registers app:// as a standard, secure scheme before the app is ready', async () => {
    const { fake } = await boot();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one sandboxed, context-isolated window on app://renderer with the preload and the IPC names', async () => {
    const { fake } = await boot();
    expect(fake.FakeBrowserWindow.created).toHaveLength(1);
    const [window] = fake.FakeBrowserWindow.created;
    expect(window!.loadedUrl).toBe('app://renderer/index.html');
    const prefs = window!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload[/\\]index\.cjs$/);
    const namesArgument = (prefs.additionalArguments as string[]).find((a) => a.startsWith(IPC_NAMES_ARGUMENT))!;
    expect(JSON.parse(namesArgument.slice(IPC_NAMES_ARGUMENT.length)).channels).toEqual(Object.keys(contract));
  });

  it('hardens the window: navigation blocked, new windows denied, only https links opened externally', async () => {
    const { fake } = await boot();
    const contents = fake.FakeBrowserWindow.created[0]!.webContents;
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/about' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://example.com/about']]);
  });

  it('denies every permission but clipboard writing by the app renderer', async () => {
    const { fake } = await boot();
    const request = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      fake.defaultSession.permissionRequestHandler!({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0]![0] as boolean;
    };
    expect(request('media', 'app://renderer/index.html')).toBe(false);
    expect(request('clipboard-sanitized-write', 'app://renderer/index.html')).toBe(true);
    expect(request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(fake.defaultSession.permissionCheckHandler!({}, 'clipboard-read', 'app://renderer')).toBe(false);
    expect(fake.defaultSession.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'app://renderer')).toBe(true);
    expect(fake.defaultSession.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('registers exactly the contract channels, refuses foreign frames and serves the app frame from core', async () => {
    const { fake, userData } = await boot();
    expect([...fake.ipcMainHandlers.keys()].sort()).toEqual([...Object.keys(contract), DROPPED_FILE_CHANNEL].sort());
    const status = fake.ipcMainHandlers.get('system:status')!;

    const foreign = await status({ senderFrame: { url: 'https://evil.example/' }, sender: {} }, undefined);
    expect(foreign).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    const destroyed = await status({ senderFrame: null, sender: {} }, undefined);
    expect(destroyed).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const own = (await status({ senderFrame: appFrame, sender: {} }, undefined)) as {
      ok: true;
      data: { dataDir: string; schemaVersion: number };
    };
    expect(own).toMatchObject({ ok: true });
    expect(own.data).toMatchObject({ dataDir: userData, schemaVersion: migrations.at(-1)!.version });
    expect(fs.readFileSync(path.join(userData, 'logs', 'crm-intelligence.log'), 'utf8')).toMatch(
      /Refused IPC system:status from https:\/\/evil\.example/,
    );
  });

  it('keeps settings in config.json in userData, the file the command line uses', async () => {
    const { fake, userData } = await boot();
    const update = fake.ipcMainHandlers.get('settings:update')!;
    const result = (await update({ senderFrame: appFrame, sender: {} }, { defaultPhoneRegion: 'DE' })) as {
      ok: boolean;
    };
    expect(result.ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'config.json'), 'utf8')).defaultPhoneRegion).toBe('DE');
  });

  it('closes the window (and quits) by default; with plans kept running in the tray it hides it, and the tray opens or quits', async () => {
    const { fake } = await boot();
    const window = fake.FakeBrowserWindow.created[0]!;
    const close = () => {
      let prevented = false;
      window.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(close()).toBe(false);
    expect(fake.FakeTray.created).toHaveLength(0);

    const update = fake.ipcMainHandlers.get('settings:update')!;
    expect(await update({ senderFrame: appFrame, sender: {} }, { schedule: { runInTray: true } })).toMatchObject({
      ok: true,
    });
    expect(close()).toBe(true);
    expect(window.hide).toHaveBeenCalledTimes(1);
    const [tray] = fake.FakeTray.created;
    expect((tray!.image as { file: string }).file).toBe(path.join(repoRoot, 'resources', 'icon.png'));
    expect(tray!.menu.map((item) => item.label)).toEqual(['Open CRM Intelligence', 'Quit']);
    tray!.menu[0]!.click();
    expect(window.show).toHaveBeenCalled();
    expect(tray!.destroyed).toBe(true);

    // Closed again, then Quit from the tray: the app quits, and the window closes rather than hiding again.
    expect(close()).toBe(true);
    const second = fake.FakeTray.created[1]!;
    second.menu[1]!.click();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    fake.electron.app.emit('before-quit');
    expect(close()).toBe(false);
  });

  it('quits without opening anything when another instance holds the lock', async () => {
    const { fake, window } = await boot({ singleInstance: false });
    expect(window).toBeNull();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.FakeBrowserWindow.created).toHaveLength(0);
  });

  it('reports a broken settings file in a dialog and exits instead of resetting it', async () => {
    const userData = tempDir();
    fs.writeFileSync(path.join(userData, 'config.json'), '{ not json');
    state.fake = createFakeElectron({ userData, appPath: repoRoot });
    vi.resetModules();
    const { startMainProcess } = await import('../../src/main/bootstrap');
    expect(await startMainProcess()).toBeNull();
    expect(state.fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'CRM Intelligence could not start',
      expect.stringMatching(/config\.json/),
    );
    expect(state.fake.electron.app.exit).toHaveBeenCalledWith(1);
    expect(fs.readFileSync(path.join(userData, 'config.json'), 'utf8')).toBe('{ not json');
  });

  it('unpackaged, tells the user how to build the native modules for Electron when they are missing', async () => {
    const userData = tempDir();
    const appPath = tempDir();
    state.fake = createFakeElectron({ userData, appPath, isPackaged: false });
    vi.resetModules();
    const { startMainProcess } = await import('../../src/main/bootstrap');
    expect(await startMainProcess()).toBeNull();
    expect(state.fake.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringMatching(/prepare-electron-native/),
    );
  });

  it('loads the Vite dev server only unpackaged and only on loopback', async () => {
    const { developmentServerUrl } = await import('../../src/main/bootstrap');
    expect(developmentServerUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBe(
      'http://localhost:5173',
    );
    expect(developmentServerUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toBeUndefined();
    expect(developmentServerUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example' })).toBeUndefined();
    expect(developmentServerUrl(false, {})).toBeUndefined();
  });
});
