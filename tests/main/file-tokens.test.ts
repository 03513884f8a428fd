import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from './electron-under-test';
import { createFakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { DROPPED_FILE_CHANNEL } from '../../src/preload/ipc-names';
import { tempDir } from '../support/temp-dir';
import { testServices } from '../support/services';
import { createHandlers } from '../../src/core/ipc/handlers';
import { dispatch } from '../../src/core/ipc/dispatch';
import { FileTokens } from '../../src/core/ipc/file-tokens';

/**
 * File paths reach main only as tokens from its own dialogs (or a window drop): the channels that read
 * or write files refuse a raw path from the renderer, a made-up token, and a read token used to write.
 */
vi.mock('electron', () => electronModuleProxy(() => state.fake));

type Result = {
  ok: boolean;
  data?: { file?: { token: string; path: string } | null } & Record<string, unknown>;
  error?: { code: string; message: string };
};

async function boot() {
  state.fake = createFakeElectron({ userData: tempDir(), appPath: repoRoot, isPackaged: true });
  vi.resetModules();
  const { startMainProcess } = await import('../../src/main/bootstrap');
  await startMainProcess();
  const fake = state.fake;
  const call = (channel: string, request?: unknown, url = 'app://renderer/index.html') =>
    fake.ipcMainHandlers.get(channel)!(
      { senderFrame: { url }, sender: new fake.FakeWebContents() },
      request,
    ) as Promise<Result>;
  return { fake, call };
}

afterEach(() => state.fake?.electron.app.emit('will-quit'));

function leadsCsv(): string {
  const file = path.join(tempDir(), 'leads.csv');
  fs.writeFileSync(file, 'Email,Company\nada@northwind.example,Northwind\n');
  return file;
}

describe('file tokens', () => {
  it.each([
    ['imports:preview', { file: '/etc/passwd' }],
    ['imports:start', { file: '/etc/passwd' }],
    ['leads:export', { file: '/home/analyst/.bashrc' }],
    ['imports:exportRejected', { importId: 1, file: '/home/analyst/.bashrc' }],
    ['drafts:export', { format: 'csv', file: '/home/analyst/.bashrc' }],
  ])('%s refuses a raw path from the renderer', async (channel, request) => {
    const { call } = await boot();
    expect(await call(channel, request)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringMatching(/Browse/) },
    });
  });

  it('refuses a well-formed token main never issued', async () => {
    const { call } = await boot();
    expect(await call('imports:preview', { file: `open-${'0'.repeat(32)}` })).toMatchObject({
      ok: false,
      error: { code: 'file_not_chosen' },
    });
  });

  it('issues a read token for the file the analyst picked in the open dialog, and the import reads it', async () => {
    const { fake, call } = await boot();
    const file = leadsCsv();
    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const picked = await call('system:pickFile', { mode: 'open', title: 'File to import', extensions: ['csv'] });
    expect(picked).toMatchObject({ ok: true, data: { file: { token: expect.stringMatching(/^open-/), path: file } } });
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      fake.FakeBrowserWindow.created[0],
      expect.objectContaining({ properties: ['openFile'] }),
    );

    // Booted main runs imports in its bundled worker, absent from the source tree: the same handlers over
    // the TypeScript worker read the file behind a token.
    const services = testServices();
    const files = new FileTokens();
    const handlers = createHandlers(services, files);
    expect(await dispatch(handlers, 'imports:preview', { file: files.issue(file, 'open').token })).toMatchObject({
      ok: true,
      data: { headers: ['Email', 'Company'] },
    });
    services.close();
  });

  it('never writes through a token issued for reading, nor reads through one issued for writing', async () => {
    const { fake, call } = await boot();
    const file = leadsCsv();
    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] });
    const opened = (await call('system:pickFile', { mode: 'open', title: 'File to import' })).data!.file!.token;
    expect(await call('leads:export', { file: opened })).toMatchObject({
      ok: false,
      error: { code: 'file_not_chosen' },
    });
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^Email,Company/);

    const target = path.join(tempDir(), 'leads-out.csv');
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = (await call('system:pickFile', { mode: 'save', title: 'Save as' })).data!.file!.token;
    expect(await call('imports:preview', { file: saved })).toMatchObject({
      ok: false,
      error: { code: 'file_not_chosen' },
    });
    expect(await call('leads:export', { file: saved })).toMatchObject({ ok: true, data: { file: target } });
  });

  it('answers a cancelled dialog with no file', async () => {
    const { call } = await boot();
    expect(await call('system:pickFile', { mode: 'save', title: 'Save as' })).toEqual({
      ok: true,
      data: { file: null },
    });
  });

  it('issues a read token for a dropped file only to the app renderer, and only for an absolute path', async () => {
    const { call } = await boot();
    const file = leadsCsv();
    const dropped = (await call(DROPPED_FILE_CHANNEL, file)) as unknown as { token: string; path: string };
    expect(dropped).toEqual({ token: expect.stringMatching(/^open-/), path: file });
    expect(await call('leads:export', { file: dropped.token })).toMatchObject({
      ok: false,
      error: { code: 'file_not_chosen' },
    });
    expect(await call(DROPPED_FILE_CHANNEL, 'relative/leads.csv')).toBeNull();
    expect(await call(DROPPED_FILE_CHANNEL, file, 'https://evil.example/')).toBeNull();
  });

  it('takes a new research folder only as a token from the folder dialog, since main reads what is in it', async () => {
    const { fake, call } = await boot();
    const folder = tempDir();
    expect(await call('settings:update', { researchFolder: '/home/analyst/.ssh' })).toMatchObject({
      ok: false,
      error: { code: 'file_not_chosen', message: expect.stringMatching(/folder/) },
    });

    fake.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    const picked = await call('system:pickFile', { mode: 'folder', title: 'Local research folder' });
    expect(fake.electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ properties: ['openDirectory'] }),
    );
    expect(await call('settings:update', { researchFolder: picked.data!.file!.token })).toMatchObject({
      ok: true,
      data: { researchFolder: folder },
    });
    // Saving the section again with the folder as it is, or clearing it, needs no dialog.
    expect(await call('settings:update', { researchFolder: folder, defaultPhoneRegion: 'DE' })).toMatchObject({
      ok: true,
      data: { researchFolder: folder, defaultPhoneRegion: 'DE' },
    });
    expect(await call('settings:update', { researchFolder: '' })).toMatchObject({
      ok: true,
      data: { researchFolder: '' },
    });
  });
});
