import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from './electron-under-test';
import { createFakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { tempDir } from '../support/temp-dir';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one test per
 * item that applies, each failing when its setting is turned off. Items tested elsewhere: permission
 * requests and navigation (bootstrap.test.ts), the CSP and app:// (app-protocol.test.ts), the IPC sender
 * check (bootstrap.test.ts), what the preload exposes (preload.test.ts).
 */
vi.mock('electron', () => electronModuleProxy(() => state.fake));

async function boot() {
  state.fake = createFakeElectron({ userData: tempDir(), appPath: repoRoot, isPackaged: true });
  vi.resetModules();
  const { startMainProcess } = await import('../../src/main/bootstrap');
  await startMainProcess();
  return state.fake;
}

afterEach(() => state.fake?.electron.app.emit('will-quit'));

describe('Electron security checklist: the window', () => {
  it('has exactly the secure web preferences, so any added or flipped flag fails here', async () => {
    const prefs = (await boot()).FakeBrowserWindow.created[0]!.options.webPreferences;
    const { preload, additionalArguments, ...flags } = prefs;
    expect(preload).toEqual(expect.any(String));
    expect(additionalArguments).toEqual(expect.any(Array));
    expect(flags).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it.each([
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['webviewTag', false],
  ])('sets %s to %s explicitly', async (flag, value) => {
    const prefs = (await boot()).FakeBrowserWindow.created[0]!.options.webPreferences;
    expect(prefs[flag]).toBe(value);
  });

  it('enables no Blink features', async () => {
    const prefs = (await boot()).FakeBrowserWindow.created[0]!.options.webPreferences;
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('disableBlinkFeatures');
  });

  it('loads the renderer from app://, never file://', async () => {
    expect((await boot()).FakeBrowserWindow.created[0]!.loadedUrl).toMatch(/^app:\/\/renderer\//);
  });
});

describe('Electron security checklist: every web contents', () => {
  /** A web contents Chromium creates later (a devtools page, a frame), not the app window's. */
  async function laterContents() {
    const fake = await boot();
    const contents = new fake.FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    return { fake, contents };
  }

  it('refuses to attach a <webview>, whatever its options', async () => {
    const { contents } = await laterContents();
    expect(
      contents.attempt(
        'will-attach-webview',
        { preload: '/tmp/evil.js', nodeIntegration: true },
        { src: 'https://evil.example/' },
      ),
    ).toBe(true);
  });

  it('never navigates away from the app', async () => {
    const { contents } = await laterContents();
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
  });

  it('opens no new windows, and hands only https links to the browser', async () => {
    const { fake, contents } = await laterContents();
    for (const url of ['https://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share'])
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
  });
});

describe('Electron security checklist: packaging', () => {
  // electron-builder's own loader and fuse mapping, resolved the way electron-builder resolves them.
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const { getConfig } = fromBuilder('app-builder-lib/out/util/config/config') as {
    getConfig(dir: string, file: string, options: null): Promise<{ electronFuses: Record<string, boolean> }>;
  };
  const { PlatformPackager } = fromBuilder('app-builder-lib') as {
    PlatformPackager: {
      prototype: { generateFuseConfig(fuses: Record<string, boolean>): Promise<Record<string | number, unknown>> };
    };
  };
  const fromFuses = createRequire(fromBuilder.resolve('@electron/fuses'));
  const { FuseV1Options } = fromFuses('@electron/fuses') as { FuseV1Options: Record<string, number | string> };

  /** The seven fuses that guard the packaged app; LoadBrowserProcessSpecificV8Snapshot is a start-up optimisation. */
  const EXPECTED_FUSES: Record<string, boolean> = {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
  };

  it('flips all seven security fuses in the wire electron-builder writes', async () => {
    const { electronFuses } = await getConfig(repoRoot, 'electron-builder.yml', null);
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, electronFuses);
    for (const [name, value] of Object.entries(EXPECTED_FUSES)) expect(wire[FuseV1Options[name]!], name).toBe(value);
  });

  it('has decided on every fuse @electron/fuses knows, so a new fuse is not left at its default unseen', () => {
    const known = Object.keys(FuseV1Options).filter((name) => Number.isNaN(Number(name)));
    expect(known.filter((name) => !(name in EXPECTED_FUSES)).sort()).toEqual(['LoadBrowserProcessSpecificV8Snapshot']);
  });

  it('uses a current Electron 45 patch (45.6.1 or later)', () => {
    const { version } = createRequire(import.meta.url)('electron/package.json') as { version: string };
    const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
    expect(major).toBe(45);
    expect(minor * 1000 + patch).toBeGreaterThanOrEqual(6 * 1000 + 1);
  });
});
