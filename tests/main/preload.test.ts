import type { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../src/core/ipc/contract';
import { DROPPED_FILE_CHANNEL, encodeIpcNames } from '../../src/preload/ipc-names';

/**
 * The preload runs with `electron` replaced: a fake `ipcRenderer`, and a `contextBridge.executeInMainWorld`
 * that, like Electron, ships the function as source text into another world, so a function that leaned on
 * anything outside its body would break here too.
 */
const DROPPED_PATH = '/home/analyst/leads.csv';
const bridge = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipcRenderer = Object.assign(new Emitter(), {
    invoke: vi.fn<(channel: string, request: unknown) => Promise<unknown>>(),
  });
  const executeInMainWorld = vi.fn(({ func, args }: { func: (...a: unknown[]) => unknown; args: unknown[] }) => {
    const rebuilt = new Function(`return (${func.toString()})`)() as (...a: unknown[]) => unknown;
    return rebuilt(...args);
  });
  const exposeInMainWorld = vi.fn();
  const webUtils = { getPathForFile: vi.fn(() => '/home/analyst/leads.csv') };
  return { ipcRenderer, contextBridge: { executeInMainWorld, exposeInMainWorld }, webUtils };
});
vi.mock('electron', () => ({ ...bridge, default: bridge }));

const TEST_EVENT = 'test:progress';
type Crm = Record<string, (...args: unknown[]) => Promise<unknown>> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
  fileForDrop(file: unknown): Promise<unknown>;
};
const crm = () => (globalThis as unknown as { crm: Crm }).crm;

describe('preload: window.crm', () => {
  beforeAll(async () => {
    process.argv.push(
      encodeIpcNames({ channels: Object.keys(contract), events: [...Object.keys(events), TEST_EVENT] }),
    );
    await import('../../src/preload/index');
  });

  it('exposes exactly one function per contract channel plus on() and fileForDrop(), and nothing else (no ipcRenderer)', () => {
    expect(Object.keys(crm()).sort()).toEqual([...Object.keys(contract), 'on', 'fileForDrop'].sort());
    for (const value of Object.values(crm())) expect(typeof value).toBe('function');
    expect(bridge.contextBridge.exposeInMainWorld).not.toHaveBeenCalled();
    expect(Object.isFrozen(crm())).toBe(true);
    expect(() => Object.assign(globalThis, { crm: {} })).toThrow();
  });

  it('invokes the channel and resolves with the unwrapped data', async () => {
    bridge.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: { schemaVersion: 3 } });
    await expect(crm()['system:status']!()).resolves.toEqual({ schemaVersion: 3 });
    expect(bridge.ipcRenderer.invoke).toHaveBeenLastCalledWith('system:status', undefined);
  });

  it('rejects with an Error that carries the code and the message', async () => {
    bridge.ipcRenderer.invoke.mockResolvedValueOnce({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'Install gnome-keyring.' },
    });
    const error = await crm()['keys:set']!({ provider: 'tavily', key: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'keychain_unavailable', message: 'Install gnome-keyring.' });
  });

  it('gives event listeners the payload only, never the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = crm().on(TEST_EVENT, listener);
    const ipcEvent = { sender: bridge.ipcRenderer, senderId: 0 };
    bridge.ipcRenderer.emit(TEST_EVENT, ipcEvent, { done: 1, total: 2 });
    expect(listener.mock.calls).toEqual([[{ done: 1, total: 2 }]]);
    unsubscribe();
    bridge.ipcRenderer.emit(TEST_EVENT, ipcEvent, { done: 2, total: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect((bridge.ipcRenderer as EventEmitter).listenerCount(TEST_EVENT)).toBe(0);
  });

  it('asks main for a token for a dropped file, with the path webUtils gives in the preload', async () => {
    const file = { name: 'leads.csv' };
    const picked = { token: `open-${'b'.repeat(32)}`, path: DROPPED_PATH };
    bridge.ipcRenderer.invoke.mockResolvedValueOnce(picked);
    await expect(crm().fileForDrop(file)).resolves.toEqual(picked);
    expect(bridge.webUtils.getPathForFile).toHaveBeenCalledWith(file);
    expect(bridge.ipcRenderer.invoke).toHaveBeenLastCalledWith(DROPPED_FILE_CHANNEL, DROPPED_PATH);
  });

  it('refuses events that are not in the contract', () => {
    expect(() => crm().on('ipc:anything', () => {})).toThrow(/No such event/);
    expect((bridge.ipcRenderer as EventEmitter).listenerCount('ipc:anything')).toBe(0);
  });
});
