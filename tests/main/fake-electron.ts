import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module (the machine's outer edge: the tests never need the binary). It
 * records what main asks of Electron so tests can check options, registrations and handlers, and lets
 * tests play the part of Chromium (fire events, call registered handlers).
 */
export function createFakeElectron(options: {
  userData: string;
  appPath: string;
  isPackaged?: boolean;
  singleInstance?: boolean;
}) {
  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    sent: { channel: string; payload: unknown }[] = [];
    destroyed = false;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** Electron's print-to-PDF; a test that needs a real PDF plays Chromium here. */
    printToPDF = vi.fn(async (_options: Record<string, unknown>): Promise<Buffer> => Buffer.from('%PDF-1.4 fake'));
    /** Emits like Chromium does and reports whether a listener called preventDefault. */
    attempt(eventName: string, ...args: unknown[]): boolean {
      let prevented = false;
      this.emit(eventName, { preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static created: FakeBrowserWindow[] = [];
    static getFocusedWindow = () => FakeBrowserWindow.created[0] ?? null;
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: Record<string, unknown> & { webPreferences: Record<string, unknown> }) {
      super();
      FakeBrowserWindow.created.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    loadedFile: string | undefined;
    async loadFile(file: string) {
      this.loadedFile = file;
    }
    destroy() {
      this.webContents.destroyed = true;
    }
    show = vi.fn();
    hide = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged ?? true,
    whenReady: vi.fn(async () => undefined),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return options.userData;
    }),
    getAppPath: () => options.appPath,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  type HeadersListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders: Record<string, string[]> }) => void,
  ) => void;
  type PermissionRequestHandler = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details?: { requestingUrl?: string },
  ) => void;
  type Check = (...args: unknown[]) => boolean;
  const defaultSession = {
    permissionRequestHandler: undefined as PermissionRequestHandler | undefined,
    permissionCheckHandler: undefined as Check | undefined,
    devicePermissionHandler: undefined as Check | undefined,
    headersListener: undefined as HeadersListener | undefined,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Check) {
      defaultSession.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Check) {
      defaultSession.devicePermissionHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        defaultSession.headersListener = listener;
      },
    },
  };

  /** The tray icon main shows; tests click its menu items as the analyst would. */
  class FakeTray extends EventEmitter {
    static created: FakeTray[] = [];
    menu: { label: string; click: () => void }[] = [];
    tooltip = '';
    destroyed = false;
    constructor(readonly image: unknown) {
      super();
      FakeTray.created.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: { label: string; click: () => void }[]) {
      this.menu = menu;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  // An image from a file that exists, or Electron's empty image.
  const image = (file: string) => ({ file, isEmpty: () => !fs.existsSync(file), resize: () => image(file) });

  const ipcMainHandlers = new Map<string, (event: unknown, request: unknown) => unknown>();
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Menu: { buildFromTemplate: (template: { label: string; click: () => void }[]) => template },
    nativeImage: { createFromPath: image },
    session: { defaultSession },
    ipcMain: Object.assign(new EventEmitter(), {
      handle: vi.fn((channel: string, handler: (event: unknown, request: unknown) => unknown) => {
        if (ipcMainHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcMainHandlers.set(channel, handler);
      }),
    }),
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
      ),
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn() },
    dialog: {
      showErrorBox: vi.fn(),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1 })),
    },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      getSelectedStorageBackend: vi.fn(() => 'basic_text'),
      encryptString: vi.fn((text: string) => Buffer.from(text)),
      decryptString: vi.fn((data: Buffer) => data.toString()),
    },
  };
  return {
    electron,
    FakeBrowserWindow,
    FakeWebContents,
    FakeTray,
    ipcMainHandlers,
    protocolHandlers,
    defaultSession,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Stands in for safeStorage backed by a keyring: AES-256-GCM under a key that lives only in memory. */
export function keyringBackedSafeStorage(fake: FakeElectron) {
  const key = randomBytes(32);
  const storage = fake.electron.safeStorage;
  storage.isEncryptionAvailable.mockReturnValue(true);
  storage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
  storage.encryptString.mockImplementation((text: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  });
  storage.decryptString.mockImplementation((blob: Buffer) => {
    const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  });
}
