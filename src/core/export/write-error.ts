import path from 'node:path';
import { UserFacingError } from '../errors';

/** Why the system refused a write, in the analyst's words; anything unexpected keeps the system's message. */
function reason(target: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return `the folder ${path.dirname(target)} does not exist`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'no permission to write there';
    case 'EISDIR':
      return 'that is a folder, not a file';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return error.message;
  }
}

/** An export's write to a file or folder; a refusal becomes an error naming the target and why. */
export function writingExport<T>(target: string, write: Promise<T>): Promise<T> {
  return write.catch((error: unknown) => {
    throw new UserFacingError(
      'cannot_write',
      `${target}: cannot write the export: ${reason(target, error as NodeJS.ErrnoException)}.`,
      { cause: error },
    );
  });
}
