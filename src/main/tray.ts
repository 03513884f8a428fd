import { app, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';
import { closeAction, TRAY_MENU, type TrayAction } from './close-to-tray';

/**
 * Closing the window hides it into the tray when the analyst keeps plans running there (read at each close,
 * so the setting applies without a restart); the tray's Open shows it again, Quit quits. The tray icon exists
 * only while the window is hidden into it.
 */
export function closeToTray(window: BrowserWindow, options: { runInTray: () => boolean; iconFile: string }): void {
  let quitting = false;
  let tray: Tray | null = null;
  const actions: Record<TrayAction, () => void> = {
    open: () => {
      window.show();
      tray?.destroy();
      tray = null;
    },
    quit: () => app.quit(),
  };
  const showTray = (): boolean => {
    if (tray) return true;
    const icon = nativeImage.createFromPath(options.iconFile);
    if (icon.isEmpty()) return false;
    tray = new Tray(icon.resize({ width: 16, height: 16 }));
    tray.setToolTip('CRM Intelligence: plans keep running');
    tray.setContextMenu(
      Menu.buildFromTemplate(TRAY_MENU.map((item) => ({ label: item.label, click: actions[item.action] }))),
    );
    tray.on('click', actions.open);
    return true;
  };

  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    const runInTray = options.runInTray();
    const action = closeAction({ runInTray, quitting, trayAvailable: runInTray && showTray() });
    if (action === 'hide') {
      event.preventDefault();
      window.hide();
    }
  });
}
