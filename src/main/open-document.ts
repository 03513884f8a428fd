import { shell } from 'electron';
import { UserFacingError } from '../core/errors';
import type { DocumentOpener } from '../core/ipc/handlers/intel';

/**
 * `intel:libraryOpen` in the desktop app, after core checked the document. A PDF page goes to the viewer as
 * a `file://` URL with `#page=N` (browsers and some viewers open there); when the system refuses that URL,
 * or for any other document, the file itself is opened.
 */
export const openDocumentWithShell: DocumentOpener = async (document) => {
  if (document.page !== null) {
    const opened = await shell.openExternal(document.url).then(
      () => true,
      () => false,
    );
    if (opened) return;
  }
  const problem = await shell.openPath(document.path);
  if (problem) throw new UserFacingError('open_failed', `The system could not open ${document.path}: ${problem}`);
};
