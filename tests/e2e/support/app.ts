import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { contract, events } from '../../../src/core/ipc/contract';
import { dispatch } from '../../../src/core/ipc/dispatch';
import { createHandlers } from '../../../src/core/ipc/handlers';
import type { DocumentOpener } from '../../../src/core/ipc/handlers/intel';
import { FileTokens, type FileMode } from '../../../src/core/ipc/file-tokens';
import type { AppServices } from '../../../src/core/services/app-services';
import type { PdfPrinter } from '../../../src/core/intel/report-export';
import { installCrmApi } from '../../../src/preload/crm-api';
import { serveStatic } from './static-server';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The renderer built once by the global setup, its loopback server and one Chromium, shared by the tests of a file. */
export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `rendererDir` defaults to the e2e run's shared build; the table benchmark passes its own. */
export async function startHarness(rendererDir: string = inject('rendererDir')): Promise<Harness> {
  const server = await serveStatic(rendererDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Saves `test-results/screenshots/<name>-light.png` and `-dark.png` of the current screen. */
  screenshot(name: string): Promise<void>;
  /** Plays the analyst in the next file dialog: it answers with `file` (a token for it, as main's dialog does). */
  pickNext(file: string): void;
}

/**
 * Opens the app in a fresh page whose `window.crm` is the preload's own `installCrmApi` over a bridge to
 * the REAL handler table (`createHandlers(services)` through `dispatch`), the same path Electron's main
 * process serves (`printPdf` plays main's print-to-PDF, `openDocument` the system's document viewer). Events the
 * handlers emit are validated against the contract and delivered to the page.
 */
export async function openApp(
  harness: Harness,
  services: AppServices,
  options: { printPdf?: PdfPrinter; openDocument?: DocumentOpener } = {},
): Promise<AppPage> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 820 }, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(harness.url).origin });
  // The app never loads other sites itself (main opens links in the browser): block anything off loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  // The bridge's file dialog: main's own issues tokens the same way, for the file the analyst picks.
  const files = new FileTokens();
  const picks: string[] = [];
  const handlers = {
    ...createHandlers(services, files, options),
    'system:pickFile': ({ mode }: { mode: FileMode }) => ({
      file: picks.length ? files.issue(picks.shift()!, mode) : null,
    }),
  };
  const emit = (name: string, payload: unknown) => {
    if (!Object.hasOwn(events, name)) throw new Error(`No such event in the IPC contract: ${name}`);
    const checked = (events as Record<string, { parse(value: unknown): unknown }>)[name]!.parse(payload);
    void page
      .evaluate(
        ([event, data]) => (window as unknown as { __crmEmit(e: string, p: unknown): void }).__crmEmit(event, data),
        [name, checked] as const,
      )
      .catch(() => {});
  };
  await page.exposeBinding('__crmInvoke', (_source, channel: string, request: unknown) =>
    dispatch(handlers, channel, request, { emit }),
  );
  const names = { channels: Object.keys(contract), events: Object.keys(events) };
  await page.addInitScript(`(() => {
    const listeners = new Map();
    window.__crmEmit = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
    const bridge = {
      invoke: (channel, request) => window.__crmInvoke(channel, request),
      subscribe(event, listener) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
        return () => set.delete(listener);
      },
      fileForDrop: async () => null,
    };
    (${installCrmApi.toString()})(bridge, ${JSON.stringify(names)}, window);
  })();`);
  await page.goto(harness.url);
  return {
    page,
    context,
    pickNext: (file) => picks.push(file),
    async screenshot(name) {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${scheme}.png`) });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    },
  };
}
