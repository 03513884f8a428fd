import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { UserFacingError } from '../errors';

/** Read a file, write a file, or read a folder (the research library). */
export type FileMode = 'open' | 'save' | 'folder';

/**
 * A file the renderer may name: a token main issued when the analyst picked the file in main's own
 * open or save dialog (or dropped it on the window). The renderer never hands main a path, so a script
 * running in the page cannot make main read `~/.ssh/id_rsa` or overwrite a file nobody chose.
 */
export const fileTokenSchema = z
  .string()
  .max(64)
  .regex(
    /^(open|save|folder)-[0-9a-f]{32}$/,
    'choose the file with Browse… (the app reads and writes only files picked in its own dialog)',
  );

/** What a pick returns to the renderer: the token to send back, and the path to show the analyst. */
export const pickedFileSchema = z.object({ token: fileTokenSchema, path: z.string() });
export type PickedFile = z.infer<typeof pickedFileSchema>;

const WHAT: Record<FileMode, string> = { open: 'file to read', save: 'file to write', folder: 'folder' };

/** Tokens kept per process; the oldest are forgotten past this, so a page that keeps picking cannot fill memory. */
const MAX_TOKENS = 1000;

/** The tokens one process issued: each names one path, for reading (open) or writing (save) only. */
export class FileTokens {
  private readonly issued = new Map<string, string>();

  issue(path: string, mode: FileMode): PickedFile {
    const token = `${mode}-${randomBytes(16).toString('hex')}`;
    this.issued.set(token, path);
    if (this.issued.size > MAX_TOKENS) this.issued.delete(this.issued.keys().next().value!);
    return { token, path };
  }

  /** The path behind a token issued for `mode`; anything else is refused. */
  resolve(token: string, mode: FileMode): string {
    const path = token.startsWith(`${mode}-`) ? this.issued.get(token) : undefined;
    if (path === undefined)
      throw new UserFacingError(
        'file_not_chosen',
        `Choose the ${WHAT[mode]} with Browse…: the app uses only files and folders picked in its own dialog.`,
      );
    return path;
  }
}
