import { BrowserWindow, dialog } from 'electron';
import type { Handler } from '../core/ipc/dispatch';

/** `system:pickFile` in the desktop app: the OS open/save dialog, attached to the focused window. */
export const pickFileWithDialog: Handler<'system:pickFile'> = async ({ mode, title, defaultName, extensions }) => {
  const window = BrowserWindow.getFocusedWindow();
  const filters = extensions?.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [];
  if (mode === 'open') {
    const options = { title, filters, properties: ['openFile' as const] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
  }
  const options = { title, filters, defaultPath: defaultName };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return { path: result.canceled ? null : (result.filePath ?? null) };
};
