import { BrowserWindow, dialog } from 'electron';
import type { Handler } from '../core/ipc/dispatch';
import { UserFacingError } from '../core/errors';

/**
 * `keys:confirmBaseUrl` in the desktop app: before core records the confirmation, main asks in a native
 * dialog, which a script running in the page can neither answer nor fake. Cancel is the default.
 */
export function confirmBaseUrlWithDialog(record: Handler<'keys:confirmBaseUrl'>): Handler<'keys:confirmBaseUrl'> {
  return async (request, context) => {
    const name = request.provider;
    const options = {
      type: 'warning' as const,
      buttons: ['Cancel', 'Send the key there'],
      defaultId: 0,
      cancelId: 0,
      title: 'Confirm the base URL',
      message: `Send your ${name} API key to ${request.baseUrl}?`,
      detail: 'Every request to this provider carries the key. Confirm only an address you set yourself.',
    };
    const window = BrowserWindow.getFocusedWindow();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    if (response !== 1)
      throw new UserFacingError('cancelled', `Not confirmed: the ${name} key is not sent to ${request.baseUrl}.`);
    return record(request, context);
  };
}
