import path from 'node:path';
import { app, dialog, Notification, session, type BrowserWindow } from 'electron';
import { contract, events } from '../core/ipc/contract';
import { createHandlers } from '../core/ipc/handlers';
import { createFileLogger, type Logger } from '../core/log/logger';
import { logUnexpectedErrors } from '../core/log/handler-errors';
import { threadRedactor, type Redactor } from '../core/log/redactor';
import { withSecretsRedacted } from '../core/secrets/redacting-store';
import { listingNoneWhenUnavailable } from '../core/secrets/secret-store';
import { createAppServices } from '../core/services/app-services';
import { findSampleData, sampleDataAt } from '../core/setup/sample-data';
import { UserFacingError } from '../core/errors';
import { encodeIpcNames } from '../preload/ipc-names';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppScheme, serveAppProtocol } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { applyCspHeader, hardenWebContents, restrictPermissions } from './hardening';
import { registerDroppedFileChannel, registerIpcHandlers } from './ipc';
import { FileTokens } from '../core/ipc/file-tokens';
import { locateNativeModules, NativeModulesMissingError } from './native-modules';
import { createMainSecretStore } from './secrets';
import { openElectronStoreBackend } from './settings-store';
import { createMainWindow } from './window';
import { pickFileWithDialog } from './file-dialog';
import { printHtmlToPdf } from './print-pdf';
import { openDocumentWithShell } from './open-document';
import { confirmBaseUrlWithDialog } from './confirm-base-url';
import { keyBindingOver, keysForConfirmedBaseUrls } from '../core/secrets/key-destinations';
import { schedulerFor } from '../core/schedule/app-scheduler';
import { startSchedulerLoop } from '../core/schedule/scheduler-loop';
import { realTimers } from '../core/schedule/timers';
import { closeToTray } from './tray';

/** Built layout: out/main/index.js and job-worker.js next to out/preload/index.cjs and out/renderer/. */
const PRELOAD_FILE = path.join(import.meta.dirname, '../preload/index.cjs');
/** src/core/jobs/worker-main.ts, bundled as a second main entry (electron.vite.config.ts). */
const JOB_WORKER_FILE = path.join(import.meta.dirname, 'job-worker.js');
const RENDERER_DIR = path.join(import.meta.dirname, '../renderer');

/**
 * The Vite dev server's URL, set by `electron-vite dev`. Honoured only unpackaged and only on loopback,
 * so an environment variable can never point the installed app at a remote page.
 */
export function developmentServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const value = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the main process: one instance only; every web contents hardened; then, once Electron is ready,
 * services over the data folder, IPC, and the window. Resolves to the window, or null when another
 * instance already runs (this one quits).
 */
export async function startMainProcess(): Promise<BrowserWindow | null> {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.show();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const dataDir = app.getPath('userData');
  const redactor = threadRedactor;
  let log: Logger | undefined;
  try {
    log = createFileLogger(dataDir, redactor);
    window = await openApp(dataDir, redactor, log);
    return window;
  } catch (error) {
    log?.error('The app could not start', error);
    const message =
      error instanceof UserFacingError || error instanceof NativeModulesMissingError
        ? error.message
        : `Unexpected error: ${(error as Error).message}`;
    dialog.showErrorBox('CRM Intelligence could not start', redactor.redact(message));
    app.exit(1);
    return null;
  }
}

async function openApp(dataDir: string, redactor: Redactor, log: Logger): Promise<BrowserWindow> {
  const native = locateNativeModules(app.getAppPath(), app.isPackaged);
  const settingsBackend = openElectronStoreBackend(dataDir);
  const keys = keyBindingOver(dataDir, settingsBackend, process.env);
  const stored = withSecretsRedacted(
    listingNoneWhenUnavailable(await createMainSecretStore({ dataDir, loadKeytar: native.loadKeytar, log })),
    redactor,
  );
  const services = createAppServices({
    dataDir,
    settingsBackend,
    secrets: keysForConfirmedBaseUrls(stored, keys),
    database: { nativeBinding: native.sqliteBinding },
    jobWorkerFile: JOB_WORKER_FILE,
    // electron-builder copies resources/sample-data beside the app's resources (extraResources).
    sampleData:
      app.isPackaged && process.resourcesPath
        ? sampleDataAt(path.join(process.resourcesPath, 'sample-data'))
        : findSampleData(app.getAppPath()),
  });
  // Plans run while the app is open; a `crm-intel schedule run-due` beside it is kept apart by the plans' leases.
  const notifier = {
    notify(message: { title: string; body: string }) {
      if (Notification.isSupported()) new Notification(message).show();
    },
  };
  // One scheduler for the loop and the plan channels: "Cancel" in the Runs view reaches a run either started.
  const scheduler = schedulerFor(services, `app:${process.pid}`, { notifier });
  const scheduling = startSchedulerLoop(scheduler, {
    now: () => new Date(),
    timers: realTimers,
    onError: (error) => log.error('A scheduled plan could not run', error),
  });
  app.on('will-quit', () => {
    scheduling.stop();
    services.close();
  });

  const devServerUrl = developmentServerUrl(app.isPackaged, process.env);
  const csp = contentSecurityPolicy(devServerUrl);
  const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
  restrictPermissions(session.defaultSession, rendererOrigin);
  applyCspHeader(session.defaultSession, csp);
  if (!devServerUrl) serveAppProtocol(RENDERER_DIR, csp);

  // Paths reach the handlers only as tokens from main's own dialogs (and window drops).
  const files = new FileTokens();
  const handlers = createHandlers(services, files, {
    printPdf: printHtmlToPdf,
    openDocument: openDocumentWithShell,
    scheduler,
  });
  // Main's own dialogs: the file the analyst picks, and the base URL they confirm for a stored key.
  const withDialogs = {
    ...handlers,
    'system:pickFile': pickFileWithDialog(files),
    'keys:confirmBaseUrl': confirmBaseUrlWithDialog(handlers['keys:confirmBaseUrl']),
  };
  registerIpcHandlers(logUnexpectedErrors(withDialogs, log), rendererOrigin, log, redactor);
  registerDroppedFileChannel(files, rendererOrigin, log);
  log.info(`Started; data folder ${dataDir}`);
  const window = createMainWindow({
    preload: PRELOAD_FILE,
    url: devServerUrl ?? APP_ENTRY_URL,
    additionalArguments: [encodeIpcNames({ channels: Object.keys(contract), events: Object.keys(events) })],
  });
  // electron-builder copies resources/icon.png beside the app's resources (extraResources).
  closeToTray(window, {
    runInTray: () => services.settings.read().schedule.runInTray,
    iconFile:
      app.isPackaged && process.resourcesPath
        ? path.join(process.resourcesPath, 'icon.png')
        : path.join(app.getAppPath(), 'resources', 'icon.png'),
  });
  return window;
}
