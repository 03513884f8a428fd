import { isAbsolute } from 'node:path';
import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import { contract, events } from '../core/ipc/contract';
import { dispatch, type HandlerTable } from '../core/ipc/dispatch';
import type { Logger } from '../core/log/logger';
import type { Redactor } from '../core/log/redactor';
import type { FileTokens } from '../core/ipc/file-tokens';
import { DROPPED_FILE_CHANNEL } from '../preload/ipc-names';

/** `scheme://host[:port]` of a URL, or null. (Node reports the origin of custom schemes as "null".) */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** True when the frame that sent an IPC message shows the app's own renderer (app:// or the dev server). */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, rendererOrigin: string): boolean {
  return !!frame && originOf(frame.url) === rendererOrigin;
}

/**
 * Registers one `ipcMain.handle` per contract channel. A call from any frame not showing the app's
 * renderer is refused before core sees it; everything else goes through `dispatch`, which validates the
 * request and response and turns errors into `{ code, message }`. Last, any API key the process knows is
 * cut out of what goes back (a provider may echo the key in an error message that ends up in a response).
 */
export function registerIpcHandlers(
  handlers: HandlerTable,
  rendererOrigin: string,
  log: Logger,
  redactor: Redactor,
): void {
  for (const channel of Object.keys(contract)) {
    ipcMain.handle(channel, async (event, request: unknown) => {
      if (!isTrustedSender(event.senderFrame, rendererOrigin)) {
        log.warn(`Refused IPC ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return { ok: false, error: { code: 'forbidden', message: 'This page may not use the app.' } };
      }
      const emit = (name: string, payload: unknown) => sendEvent(event.sender, name, withoutSecrets(payload, redactor));
      return withoutSecrets(await dispatch(handlers, channel, request, { emit }), redactor);
    });
  }
}

/**
 * Issues an open token for a file dropped on the app's window. The preload sends the path `webUtils` gives
 * for the dropped file; anything that is not an absolute path of sane length is refused.
 */
export function registerDroppedFileChannel(files: FileTokens, rendererOrigin: string, log: Logger): void {
  ipcMain.handle(DROPPED_FILE_CHANNEL, (event, path: unknown) => {
    if (!isTrustedSender(event.senderFrame, rendererOrigin)) {
      log.warn(`Refused a dropped file from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return null;
    }
    return typeof path === 'string' && path.length <= 4096 && isAbsolute(path) ? files.issue(path, 'open') : null;
  });
}

function withoutSecrets<T>(value: T, redactor: Redactor): T {
  if (value === undefined) return value;
  const text = JSON.stringify(value);
  const clean = redactor.redactRegistered(text);
  return clean === text ? value : (JSON.parse(clean) as T);
}

/** Pushes a progress event to a renderer after checking its payload against the contract's `events`. */
export function sendEvent(contents: WebContents, name: string, payload: unknown): void {
  if (!Object.hasOwn(events, name)) throw new Error(`No such event in the IPC contract: ${name}`);
  const schema = (events as Record<string, { parse(value: unknown): unknown }>)[name]!;
  const checked = schema.parse(payload);
  if (!contents.isDestroyed()) contents.send(name, checked);
}
