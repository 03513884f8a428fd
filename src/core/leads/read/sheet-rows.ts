import yauzl from 'yauzl';

/** The least sheet XML a row takes: `<row/>` (an empty row still counts in the row numbers). */
const MIN_ROW_BYTES = 6;
const ROW_TAG = /<row(?=[\s/>])([^>]*)>/g;
const ROW_REFERENCE = /\sr\s*=\s*["'](\d+)/;

/**
 * The number of a sheet part's first row past `maxRows`, else undefined, found in the part's XML without
 * parsing it: rows come in order, and a row without `r=` follows the one before. exceljs reads a sheet of
 * 1,100,000 rows for minutes before its row numbers reach the limit; this inflates and scans it in seconds.
 * A part whose declared size cannot hold that many rows is not read; a zip that understates it is still
 * stopped by the reader's own row count. A part that cannot be read here is left to the reader to report.
 */
export async function firstRowPastLimit(file: string, part: string, maxRows: number): Promise<number | undefined> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  try {
    const entry = await findEntry(zip, part);
    if (!entry || entry.uncompressedSize <= maxRows * MIN_ROW_BYTES) return undefined;
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    let row = 0;
    let carry = '';
    try {
      for await (const chunk of stream) {
        // Tags are ASCII: latin1 decodes a byte to a character, and a character cut in two cannot form one.
        const text = carry + (chunk as Buffer).toString('latin1');
        const open = text.lastIndexOf('<');
        const complete = open >= 0 && text.indexOf('>', open) < 0 ? open : text.length;
        carry = text.slice(complete);
        for (const match of text.slice(0, complete).matchAll(ROW_TAG)) {
          const reference = ROW_REFERENCE.exec(match[1]!)?.[1];
          row = reference ? Number(reference) : row + 1;
          if (row > maxRows) return row;
        }
      }
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}

function findEntry(zip: yauzl.ZipFile, name: string): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => (entry.fileName === name ? resolve(entry) : zip.readEntry()));
    zip.on('end', () => resolve(undefined));
    zip.on('error', reject);
    zip.readEntry();
  });
}
