import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './hardening';

/** The app's one window; it shows once the first paint is ready, to avoid a white flash. */
export function createMainWindow(options: {
  preload: string;
  url: string;
  additionalArguments: string[];
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1320,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'CRM Intelligence',
    webPreferences: secureWebPreferences(options.preload, options.additionalArguments),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
