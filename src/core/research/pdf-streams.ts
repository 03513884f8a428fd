import zlib from 'node:zlib';

/**
 * What a PDF's Flate streams other than images may inflate to, together: page contents, fonts and object
 * streams, which PDF.js inflates whole to read text, outside the JavaScript heap (so the worker's heap limit
 * does not hold it) and at about 2.3 times their size plus a little (docs/benchmarks.md, issue 12): 48 MB keeps
 * the worst page near the heap limit's 128 MB. A 500-page report needs about 20 MB.
 */
export const PDF_MAX_INFLATED_BYTES = 48 * 1024 * 1024;

/**
 * Text-drawing operators (`Tj`, `TJ`) one stream may hold, and text items PDF.js may build for one page
 * (`pdf.ts`, which counts them as they stream, whatever streams and forms they come from). Each item is a few
 * hundred bytes of heap: a page of 3,000,000 (30 MB of `(x) Tj`) ran the reading thread into its heap limit,
 * at 387 MB for the process (measured). A dense page of text has a few thousand; random bytes of a font
 * program hit the pair about once in 33,000. Counting per stream here refuses the plainest case before PDF.js
 * inflates anything.
 */
export const PDF_MAX_TEXT_OPERATORS = 200_000;

/** Why a page (`where`: "page 3", or "a page" when the stream's page is not known) is not read. */
export const tooManyPiecesOfText = (where: string, limit = PDF_MAX_TEXT_OPERATORS) =>
  `${where} draws more than ${limit.toLocaleString('en-US')} pieces of text (a dense page of text has a few thousand), more than the library reads`;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
const OBJ = Buffer.from('obj');
const TEXT_OPERATORS = [Buffer.from('Tj'), Buffer.from('TJ')];

/**
 * Why the PDF's Flate streams (images aside) are too much to read, else undefined: together they inflate past
 * `limits.bytes`, or one holds more than `limits.textOperators` text-drawing operators. Counted with zlib in
 * small pieces that are not kept, before PDF.js sees the file: PDF.js inflates a stream into one buffer
 * outside the JavaScript heap, so a heap limit does not stop it (a 1 MB PDF whose page inflates to 1 GB took
 * 2.3 GB, measured), and what it builds of a page's text is stopped by the heap limit only at its end.
 * Streams behind another filter first (ASCII85) or that fail to inflate are left to PDF.js, which reports them.
 */
export async function tooMuchToRead(
  pdf: Buffer,
  limits = { bytes: PDF_MAX_INFLATED_BYTES, textOperators: PDF_MAX_TEXT_OPERATORS },
): Promise<string | undefined> {
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
    const inflated = await inflate(pdf.subarray(start, end), limits.bytes - total, limits.textOperators);
    total += inflated.size;
    if (total > limits.bytes)
      return `its compressed streams inflate past ${limits.bytes / 1024 / 1024} MB, the limit for a PDF's text`;
    if (inflated.textOperators > limits.textOperators) {
      return tooManyPiecesOfText('a page', limits.textOperators);
    }
    at = end; // the data may hold the word by chance
  }
  return undefined;
}

/** Bytes the data inflates to and the text operators in them, up to just past either budget; 0 when it is not Flate data. */
function inflate(
  data: Buffer,
  budget: number,
  operatorBudget: number,
): Promise<{ size: number; textOperators: number }> {
  return new Promise((resolve) => {
    let size = 0;
    let textOperators = 0;
    const done = () => resolve({ size, textOperators });
    const inflater = zlib.createInflate({ chunkSize: 64 * 1024 });
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      for (const operator of TEXT_OPERATORS)
        for (let at = chunk.indexOf(operator); at >= 0; at = chunk.indexOf(operator, at + 2)) textOperators += 1;
      if (size > budget || textOperators > operatorBudget) {
        inflater.destroy();
        done();
      }
    });
    inflater.on('end', done);
    inflater.on('error', done);
    inflater.on('close', done);
    inflater.end(data);
  });
}
