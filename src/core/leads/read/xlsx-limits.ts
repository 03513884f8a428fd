import yauzl from 'yauzl';
import { UserFacingError } from '../../errors';
import { overLimit, TABLE_LIMITS, type TableLimits } from './table-limits';

/**
 * What a workbook may hold, beyond what any table may (`TableLimits`). A workbook is a zip of XML parts, so a
 * small file can inflate a thousandfold: a 300 KB workbook whose shared strings inflate to 300 MB held the
 * app's main process for 6 s at 470 MB (measured). The caps refuse such files with a message naming the
 * limit, before or while they are read.
 */
export interface XlsxLimits extends TableLimits {
  /** All parts of the workbook inflated. A 1,000,000-row sheet of 15 columns is about 500 MB. */
  maxInflatedBytes: number;
  /**
   * The shared-strings part inflated: exceljs holds every shared string in memory for the whole read, within
   * the reading thread's heap limit (`FILE_WORKER_HEAP`). 100,000 rows of 8 text cells need about 25 MB.
   */
  maxSharedStringsBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  ...TABLE_LIMITS,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
};

export const SHARED_STRINGS = 'xl/sharedStrings.xml';
export const SHARED_STRINGS_PART = 'its shared-strings part (the text of its cells)';

const megabytes = (bytes: number) => {
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en-US')} MB`;
};

/** Inflated bytes over a limit: `bytes` when the zip declared them, else the reader counted past the limit. */
export function inflatedOverLimit(file: string, part: string, limit: number, bytes?: number): UserFacingError {
  return overLimit(
    file,
    `${part} ${bytes === undefined ? 'inflates past' : `inflates to ${megabytes(bytes)}, over`} the limit of ${megabytes(limit)}`,
  );
}

/**
 * Checks the sizes the zip's central directory declares for the parts, before anything is inflated: an
 * honest bomb is refused at once. A zip may understate them, so the reader also counts what it inflates
 * (`countInflated`), and the thread's heap limit stops what slips past both.
 */
export async function checkDeclaredSizes(file: string, limits: XlsxLimits): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: true }, (error, opened) =>
      error ? reject(error) : resolve(opened),
    );
  }).catch((error: unknown) => {
    throw new UserFacingError('unreadable_file', `${file}: cannot read this workbook (${(error as Error).message}).`, {
      cause: error,
    });
  });
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      total += entry.uncompressedSize;
      if (entry.fileName === SHARED_STRINGS && entry.uncompressedSize > limits.maxSharedStringsBytes) {
        zip.close();
        reject(inflatedOverLimit(file, SHARED_STRINGS_PART, limits.maxSharedStringsBytes, entry.uncompressedSize));
      } else if (total > limits.maxInflatedBytes) {
        zip.close();
        reject(inflatedOverLimit(file, 'the workbook', limits.maxInflatedBytes, total));
      } else zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
}
