import path from 'node:path';
import type { FakeElectron } from './fake-electron';

// electron-store (a dependency, loaded by Node rather than vitest, so outside vi.mock) imports the real
// `electron` package, which would try to download the binary; with this it only returns a path.
process.env.ELECTRON_OVERRIDE_DIST_PATH = '/nonexistent-electron';
// Keep tests away from the machine's real keyring: no session bus, so keytar reports "unavailable" and keys
// go to the safeStorage-encrypted file in the data folder.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent-bus';

/** The fake Electron that the mocked `electron` module answers with; a test sets it before booting main. */
export const electronState: { fake: FakeElectron | undefined } = { fake: undefined };

export const repoRoot = path.resolve(import.meta.dirname, '../..');
