import type { IpcResult } from '../core/ipc/define';
import { DROPPED_FILE_CHANNEL, type IpcNames } from './ipc-names';

/** The part of Electron's `ipcRenderer` the bridge uses; the page never sees it. */
export interface IpcRendererLike {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Main's answer for a dropped file: the token to name it with, and the path to show. */
export interface DroppedFile {
  token: string;
  path: string;
}

/** What the preload (isolated world) hands to the page's world: contract channels and events only. */
export interface IpcBridge {
  invoke(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** A token for a file dropped on the page (null where it has no path, as in a browser). */
  fileForDrop(file: File): Promise<DroppedFile | null>;
}

/**
 * Runs in the preload's isolated world. Only contract names pass; an event listener receives the payload
 * alone, never Electron's IPC event (which would expose `sender`, and with it `ipcRenderer`).
 */
export function createIpcBridge(ipc: IpcRendererLike, names: IpcNames, pathForFile: (file: File) => string): IpcBridge {
  const channels = new Set(names.channels);
  const events = new Set(names.events);
  return {
    async invoke(channel, request) {
      if (!channels.has(channel))
        return { ok: false, error: { code: 'unknown_channel', message: `No such channel: ${channel}` } };
      return (await ipc.invoke(channel, request)) as IpcResult<unknown>;
    },
    subscribe(event, listener) {
      if (!events.has(event)) throw new Error(`No such event: ${event}`);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, forward);
      return () => {
        ipc.removeListener(event, forward);
      };
    },
    async fileForDrop(file) {
      const path = pathForFile(file);
      return path ? ((await ipc.invoke(DROPPED_FILE_CHANNEL, path)) as DroppedFile | null) : null;
    },
  };
}

/**
 * Defines `window.crm` in the page's own world: one function per channel that resolves with the data or
 * rejects with an `Error` carrying `code`, and `on(event, listener)` returning an unsubscribe function.
 *
 * It runs through `contextBridge.executeInMainWorld`, which sends this function's source text, so it must
 * not refer to anything outside its own body. The errors are created here, in the page's world, because
 * an `Error` that crosses the context bridge arrives with its message only and loses `code`.
 */
export function installCrmApi(bridge: IpcBridge, names: IpcNames, target: object = globalThis): void {
  const api: Record<string, unknown> = {};
  for (const channel of names.channels) {
    api[channel] = async (request?: unknown) => {
      const result = await bridge.invoke(channel, request);
      if (result.ok) return result.data;
      throw Object.assign(new Error(result.error.message), { name: 'CrmError', code: result.error.code });
    };
  }
  api.on = (event: string, listener: (payload: unknown) => void) => bridge.subscribe(event, listener);
  api.fileForDrop = (file: File) => bridge.fileForDrop(file);
  Object.defineProperty(target, 'crm', {
    value: Object.freeze(api),
    enumerable: true,
    writable: false,
    configurable: false,
  });
}
