import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import type { Channel, CrmApi, EventName, EventPayload } from '../../../src/core/ipc/contract';

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(window, 'crm');
});

type Handlers = { [C in Channel]?: CrmApi[C] };

export interface FakeCrm {
  api: CrmApi;
  /** Requests received per channel, in order. */
  calls: { channel: string; request: unknown }[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * A `window.crm` test double typed by the IPC contract: the outer edge of a component test. Channels the
 * test does not answer reject as the real preload does for a failed call, so a screen that calls
 * something unexpected shows its error state instead of hanging.
 */
export function installFakeCrm(handlers: Handlers, files: { fileForDrop?: CrmApi['fileForDrop'] } = {}): FakeCrm {
  const calls: FakeCrm['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = new Proxy({} as CrmApi, {
    get(_target, name: string) {
      if (name === 'on')
        return (event: string, listener: (payload: unknown) => void) => {
          const set = listeners.get(event) ?? new Set();
          set.add(listener);
          listeners.set(event, set);
          return () => set.delete(listener);
        };
      if (name === 'fileForDrop') return files.fileForDrop ?? (async () => null);
      return async (request: unknown) => {
        calls.push({ channel: name, request });
        const handler = (handlers as Record<string, ((request: unknown) => unknown) | undefined>)[name];
        if (!handler) throw crmError('unknown_channel', `No such channel in this test: ${name}`);
        return handler(request);
      };
    },
  });
  Object.defineProperty(window, 'crm', { value: api, configurable: true });
  return {
    api,
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)),
  };
}

/** A promise the test settles by hand, to hold a screen in its loading state. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A rejected call as the preload makes it: an `Error` whose message is for the analyst, with `code`. */
export function crmError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: 'CrmError', code });
}
