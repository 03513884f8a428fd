import { shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { originOf } from './ipc';

/** The renderer runs as an ordinary, sandboxed web page: no Node, its own JavaScript world, same-origin rules. */
export function secureWebPreferences(preload: string, additionalArguments: string[]): WebPreferences {
  return {
    preload,
    additionalArguments,
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
  };
}

/** Only https links leave the app, and only to the user's browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Applied to every web contents the app creates: the page can never navigate away from the app, open
 * windows, or attach a <webview>; a link it tries to open goes to the browser when it is https.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** The one permission the app uses: writing a draft to the clipboard (text and HTML) from the Copy button. */
const RENDERER_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/**
 * Camera, microphone, notifications, geolocation, clipboard reading, HID, serial, USB: denied. Only the
 * app's own renderer may write to the clipboard.
 */
export function restrictPermissions(session: Session, rendererOrigin: string): void {
  const allowed = (permission: string, url: string | undefined) =>
    RENDERER_PERMISSIONS.has(permission) && !!url && originOf(url) === rendererOrigin;
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}

/** Adds the CSP header to http(s) responses (the dev server); app:// responses carry it from the protocol handler. */
export function applyCspHeader(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}
