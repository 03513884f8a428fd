import type { FakeElectron } from './fake-electron';

/**
 * The module `vi.mock('electron', ...)` returns: it forwards every access to whichever fake the test
 * installed last, so modules can be imported before a test creates its fake, and one file can boot main
 * several times with fresh fakes.
 */
export function electronModuleProxy(current: () => FakeElectron | undefined): object {
  const target = () => (current()?.electron ?? {}) as Record<string | symbol, unknown>;
  const read = (key: string | symbol) => (key === 'default' ? target() : target()[key]);
  return new Proxy(
    {},
    {
      get: (_target, key) => read(key),
      has: () => true,
      getOwnPropertyDescriptor: (_target, key) => ({ configurable: true, enumerable: true, value: read(key) }),
    },
  );
}
