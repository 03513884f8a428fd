import { BrowserWindow, dialog } from 'electron';
import type { Handler } from '../core/ipc/dispatch';
import type { FileTokens } from '../core/ipc/file-tokens';

/**
 * `system:pickFile` in the desktop app: the OS open/save dialog, attached to the focused window. The file
 * the analyst picks becomes a token; the renderer gets the path only to show it.
 */
export function pickFileWithDialog(files: FileTokens): Handler<'system:pickFile'> {
  return async ({ mode, title, defaultName, extensions }) => {
    const window = BrowserWindow.getFocusedWindow();
    const filters = extensions?.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }] : [];
    let path: string | undefined;
    if (mode !== 'save') {
      const options = {
        title,
        filters,
        properties: [mode === 'open' ? ('openFile' as const) : ('openDirectory' as const)],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      path = result.canceled ? undefined : result.filePaths[0];
    } else {
      const options = { title, filters, defaultPath: defaultName };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      path = result.canceled ? undefined : result.filePath;
    }
    return { file: path ? files.issue(path, mode) : null };
  };
}
