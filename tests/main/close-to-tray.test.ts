import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/main/close-to-tray';

describe('closing the window with plans kept running in the tray', () => {
  it('hides the window only when the analyst chose the tray, a tray icon can be shown, and the app is not quitting', () => {
    const chosen = { runInTray: true, quitting: false, trayAvailable: true };
    expect(closeAction(chosen)).toBe('hide');
    // The default: closing the window quits, as before.
    expect(closeAction({ ...chosen, runInTray: false })).toBe('close');
    // Quit from the tray or the OS closes the hidden window instead of hiding it again.
    expect(closeAction({ ...chosen, quitting: true })).toBe('close');
    // No icon to show (none in the build): hiding would leave an app no one can reach, so it closes.
    expect(closeAction({ ...chosen, trayAvailable: false })).toBe('close');
  });
});
