import type { CrmApi } from '../../core/ipc/contract';

/** The app API the preload exposes; a function so tests can swap `window.crm` between renders. */
export function crm(): CrmApi {
  return window.crm;
}

/** What to show for a rejected call: the preload's `CrmError` carries a message meant for the analyst. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong. Try again.';
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** What to show when saving a file failed: outside the desktop app (the browser tests) there is no save dialog. */
export function exportErrorMessage(error: unknown): string {
  return errorCode(error) === 'no_file_dialog'
    ? 'No file dialog here: export from the desktop app.'
    : errorMessage(error);
}
