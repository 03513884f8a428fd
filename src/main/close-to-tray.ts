/**
 * What closing the main window does: hide it and keep the app (its scheduler) running in the tray, when the
 * analyst chose so (setting `schedule.runInTray`) and a tray icon can be shown; otherwise close it (and, as
 * the last window, quit). Quitting on purpose (the tray's Quit, the OS's quit) always closes. No Electron
 * import: the decision is tested on its own, the glue in `tray.ts` only acts on it.
 */
export function closeAction(state: {
  runInTray: boolean;
  quitting: boolean;
  trayAvailable: boolean;
}): 'hide' | 'close' {
  return state.runInTray && state.trayAvailable && !state.quitting ? 'hide' : 'close';
}

/** The tray's menu: open the window again, or quit (which stops the scheduler). */
export const TRAY_MENU = [
  { label: 'Open CRM Intelligence', action: 'open' },
  { label: 'Quit', action: 'quit' },
] as const;

export type TrayAction = (typeof TRAY_MENU)[number]['action'];
