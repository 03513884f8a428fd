import zlib from 'node:zlib';

/**
 * What a PDF's Flate streams other than images may inflate to, together: page contents, fonts and object
 * streams, which PDF.js inflates whole to read text. A 500-page report needs about 20 MB.
 */
export const PDF_MAX_INFLATED_BYTES = 128 * 1024 * 1024;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
const OBJ = Buffer.from('obj');

/**
 * Whether the PDF's Flate streams (images aside) inflate past `limit` bytes, counted with zlib in small
 * pieces that are not kept. PDF.js inflates a stream into one buffer outside the JavaScript heap, so a
 * heap limit does not stop it: a 1 MB PDF whose page inflates to 1 GB took 2.3 GB (measured). Streams
 * behind another filter first (ASCII85) or that fail to inflate are left to PDF.js, which reports them.
 */
export async function inflatesPast(pdf: Buffer, limit = PDF_MAX_INFLATED_BYTES): Promise<boolean> {
  let total = 0;
  for (let at = pdf.indexOf(STREAM); at >= 0; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    if (pdf.subarray(Math.max(0, at - 3), at).toString('latin1') === 'end') continue; // `endstream`
    const dictionary = pdf.subarray(Math.max(0, pdf.lastIndexOf(OBJ, at)), at).toString('latin1');
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d) start += 1;
    if (pdf[start] === 0x0a) start += 1;
    const end = pdf.indexOf(END_STREAM, start);
    if (end < 0) break;
    total += await inflatedSize(pdf.subarray(start, end), limit - total);
    if (total > limit) return true;
    at = end; // the data may hold the word by chance
  }
  return false;
}

/** Bytes the data inflates to, up to just past `budget`; 0 when it is not Flate data. */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = zlib.createInflate({ chunkSize: 64 * 1024 });
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => resolve(size));
    inflate.on('close', () => resolve(size));
    inflate.end(data);
  });
}
