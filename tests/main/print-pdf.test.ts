import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronState as state, repoRoot } from './electron-under-test';
import { createFakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { tempDir } from '../support/temp-dir';
import { chromiumPdfPrinter } from '../support/chromium-pdf';
import { readPdfText } from '../../src/core/research/pdf';

vi.mock('electron', () => electronModuleProxy(() => state.fake));

let chromium: Awaited<ReturnType<typeof chromiumPdfPrinter>>;
beforeAll(async () => {
  chromium = await chromiumPdfPrinter();
}, 60_000);
afterAll(async () => chromium?.close());

async function printer() {
  state.fake = createFakeElectron({ userData: tempDir(), appPath: repoRoot });
  vi.resetModules();
  const { printHtmlToPdf } = await import('../../src/main/print-pdf');
  return { fake: state.fake, printHtmlToPdf };
}

type FakeContents = InstanceType<ReturnType<typeof createFakeElectron>['FakeWebContents']>;

const HTML =
  '<!doctype html><html><head><style>@page{size:A4}</style></head><body><h1>Acme</h1><ol><li>https://acme.example/about</li></ol></body></html>';

describe("main's print-to-PDF", () => {
  it('prints the page in a hidden, script-less window of its own session, with the page’s paper size, then cleans up', async () => {
    const { fake, printHtmlToPdf } = await printer();
    let loaded: string | undefined;
    // Chromium's part: print the file the window loaded.
    fake.electron.app.once('web-contents-created', (_event: unknown, contents: FakeContents) =>
      contents.printToPDF.mockImplementation(async () => {
        loaded = fake.FakeBrowserWindow.created.at(-1)!.loadedFile;
        return Buffer.from(await chromium.print(fs.readFileSync(loaded!, 'utf8')));
      }),
    );
    const pdf = await printHtmlToPdf(HTML);
    const window = fake.FakeBrowserWindow.created.at(-1)!;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, partition: 'report-print' },
    });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: false });
    expect(path.basename(loaded!)).toBe('report.html');
    expect(
      (await readPdfText(new Uint8Array(pdf), { maxPages: 5, maxTextChars: 1_000_000 })).pages.join(' '),
    ).toContain('https://acme.example/about');
    expect(window.webContents.isDestroyed()).toBe(true);
    expect(fs.existsSync(path.dirname(loaded!))).toBe(false);
  });

  it('closes the window and removes the page when printing fails', async () => {
    const { fake, printHtmlToPdf } = await printer();
    fake.electron.app.once('web-contents-created', (_event: unknown, contents: FakeContents) =>
      contents.printToPDF.mockRejectedValue(new Error('Printing failed')),
    );
    await expect(printHtmlToPdf(HTML)).rejects.toThrow('Printing failed');
    const window = fake.FakeBrowserWindow.created.at(-1)!;
    expect(window.webContents.isDestroyed()).toBe(true);
    expect(fs.existsSync(path.dirname(window.loadedFile!))).toBe(false);
  });
});
