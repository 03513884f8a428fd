import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PDFDocument, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';

/**
 * Files built the way an attacker or a broken exporter would, for the bad-file tests and `npm run bench
 * badfiles`: each is written at run time into the given folder (nothing large is committed).
 */

const LEAD_HEADER = ['First Name', 'Last Name', 'Email', 'Company'];

/** A part's text produced piece by piece, so that hundreds of MB of XML are never one string here. */
function streamOf(pieces: () => Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      for (const piece of pieces()) yield Buffer.from(piece);
    })(),
  );
}

async function writeZip(file: string, zip: JSZip): Promise<string> {
  await pipeline(
    zip.generateNodeStream({ compression: 'DEFLATE', compressionOptions: { level: 9 }, streamFiles: true }),
    fs.createWriteStream(file),
  );
  return file;
}

/** A small real workbook (exceljs) whose parts the builders below replace. */
async function baseWorkbook(rows: string[][]): Promise<JSZip> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  for (const row of rows) sheet.addRow(row);
  return JSZip.loadAsync(await workbook.xlsx.writeBuffer());
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function* sheetXml(rows: () => Iterable<string>): Iterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield* rows();
  yield '</sheetData></worksheet>';
}

const inlineCell = (reference: string, text: string) =>
  `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * The shared-strings bomb: `strings` shared strings of `stringChars` repeated characters each (1,000 × 300,000
 * inflate to 300 MB and deflate to about 1.5 MB), every one used by a cell of the lead sheet.
 */
export async function sharedStringsBomb(
  folder: string,
  options: { strings?: number; stringChars?: number } = {},
): Promise<string> {
  const strings = options.strings ?? 1000;
  const stringChars = options.stringChars ?? 300_000;
  const zip = await baseWorkbook([LEAD_HEADER]);
  const filler = 'A'.repeat(stringChars);
  zip.file(
    'xl/sharedStrings.xml',
    streamOf(function* () {
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings}" uniqueCount="${strings}">`;
      for (let i = 0; i < strings; i++) yield `<si><t>${filler}</t></si>`;
      yield '</sst>';
    }),
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    streamOf(() =>
      sheetXml(function* () {
        yield `<row r="1">${LEAD_HEADER.map((header, i) => inlineCell(`${columnLetters(i + 1)}1`, header)).join('')}</row>`;
        for (let i = 0; i < strings; i++) yield `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i}</v></c></row>`;
      }),
    ),
  );
  return writeZip(path.join(folder, 'shared-strings-bomb.xlsx'), zip);
}

/** A lead sheet whose rows are `columns` cells wide (inline strings, no shared strings). */
export async function wideWorkbook(folder: string, columns: number, rows = 3): Promise<string> {
  const zip = await baseWorkbook([LEAD_HEADER]);
  zip.file(
    'xl/worksheets/sheet1.xml',
    streamOf(() =>
      sheetXml(function* () {
        for (let row = 1; row <= rows; row++) {
          let cells = '';
          for (let column = 1; column <= columns; column++)
            cells += inlineCell(
              `${columnLetters(column)}${row}`,
              row === 1 ? (LEAD_HEADER[column - 1] ?? `Field ${column}`) : `v${column}`,
            );
          yield `<row r="${row}">${cells}</row>`;
        }
      }),
    ),
  );
  return writeZip(path.join(folder, `wide-${columns}-columns.xlsx`), zip);
}

/** A lead workbook of one sheet: the header row, then the rows `body` yields (inline strings). */
async function leadSheet(folder: string, file: string, body: () => Iterable<string>): Promise<string> {
  const zip = await baseWorkbook([LEAD_HEADER]);
  const header = `<row r="1">${LEAD_HEADER.map((name, i) => inlineCell(`${columnLetters(i + 1)}1`, name)).join('')}</row>`;
  zip.file(
    'xl/worksheets/sheet1.xml',
    streamOf(() =>
      sheetXml(function* () {
        yield header;
        yield* body();
      }),
    ),
  );
  return writeZip(path.join(folder, file), zip);
}

/** A lead sheet of `rows` data rows, four inline-string cells each; `references: false` leaves out their optional `r=`. */
export function longWorkbook(folder: string, rows: number, { references = true } = {}): Promise<string> {
  const cell = (reference: string, text: string) =>
    references ? inlineCell(reference, text) : inlineCell(reference, text).replace(/ r="[^"]*"/, '');
  return leadSheet(folder, `long-${rows}-rows.xlsx`, function* () {
    for (let row = 2; row <= rows + 1; row++) {
      yield `<row${references ? ` r="${row}"` : ''}>${cell(`A${row}`, `First${row}`)}${cell(`B${row}`, `Last${row}`)}${cell(`C${row}`, `lead${row}@company${row}.example`)}${cell(`D${row}`, `Company ${row}`)}</row>`;
    }
  });
}

/** A lead sheet whose second row holds one cell of `chars` characters (an inline string). */
export function longCellWorkbook(folder: string, chars: number): Promise<string> {
  return leadSheet(folder, 'long-cell.xlsx', function* () {
    yield `<row r="2">${inlineCell('A2', 'Ana')}${inlineCell('B2', 'Silva')}${inlineCell('C2', 'ana@acme.example')}${inlineCell('D2', 'x'.repeat(chars))}</row>`;
  });
}

/**
 * A workbook whose styles part holds `formats` number formats of a megabyte each: exceljs keeps every one,
 * so reading it needs their size in memory. The reader does not count this part as it inflates.
 */
export async function stylesBomb(folder: string, formats = 200): Promise<string> {
  const zip = await baseWorkbook([LEAD_HEADER, ['Ana', 'Silva', 'ana@acme.example', 'Acme']]);
  const code = '0'.repeat(1024 * 1024);
  zip.file(
    'xl/styles.xml',
    streamOf(function* () {
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formats}">`;
      for (let i = 0; i < formats; i++) yield `<numFmt numFmtId="${164 + i}" formatCode="${code}${i}"/>`;
      yield '</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>';
    }),
  );
  return writeZip(path.join(folder, 'styles-bomb.xlsx'), zip);
}

/**
 * Rewrites a zip's central directory so that every entry declares an inflated size of 1 KB, as a crafted
 * file may: a reader that trusts the declared sizes lets it through. Returns the file.
 */
export function understateSizes(file: string): string {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    zip.writeUInt32LE(Math.min(1024, zip.readUInt32LE(at + 24)), at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  fs.writeFileSync(file, zip);
  return file;
}

/**
 * An HTML file that ends in `bytes` bytes of `<`: every `<` opens a tag that no `>` closes, so a pattern
 * such as `<[^>]+>` scans to the end of the file from each of them.
 */
export function angleBracketHtml(folder: string, bytes = 400 * 1024): string {
  const file = path.join(folder, 'angle-brackets.html');
  fs.writeFileSync(file, `<html><head><title>Notes</title></head><body><p>Field notes.</p>${'<'.repeat(bytes)}`);
  return file;
}

/** `count` whole copies of `piece` between `head` and `tail`, deflated piece by piece (never one string here). */
async function deflated(piece: Buffer, count: number, head = '', tail = ''): Promise<Buffer> {
  const deflate = zlib.createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  if (head) deflate.write(head);
  for (let i = 0; i < count; i++) if (!deflate.write(piece)) await once(deflate, 'drain');
  deflate.end(tail);
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

const MEGABYTE_OF_SPACES = Buffer.alloc(1024 * 1024, 0x20);
/** A megabyte of `(x) Tj T* `: a text line each, which PDF.js turns into an object of its own. */
const MEGABYTE_OF_TEXT = Buffer.from('(x) Tj T* '.repeat(Math.floor((1024 * 1024) / 10)));

/** A PDF of one page whose content is the given Flate streams, in order (PDF.js reads them as one). */
async function onePagePdf(file: string, streams: Buffer[]): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  page.drawText('Lumora Analytics', { x: 56, y: 720, size: 11, font });
  const refs = streams.map((compressed) =>
    pdf.context.register(
      pdf.context.stream(compressed, { Filter: 'FlateDecode', Length: PDFNumber.of(compressed.length) }),
    ),
  );
  page.node.set(PDFName.of('Contents'), refs.length === 1 ? refs[0]! : pdf.context.obj(refs));
  fs.writeFileSync(file, await pdf.save());
  return file;
}

/**
 * A PDF of one page whose content stream inflates to `inflatedMb` MB, compressed with Flate: of spaces (1 GB
 * deflates to about 1 MB), which a reader holds whole to parse the page, of `(x) Tj T*` text lines, each
 * of which PDF.js turns into an object of its own, or of one string (`one string`), which PDF.js's lexer
 * builds a character at a time.
 */
export async function inflatingPdf(
  folder: string,
  inflatedMb: number,
  fill: 'blank' | 'text' | 'text in many streams' | 'one string' = 'blank',
): Promise<string> {
  const megabyte =
    fill === 'blank' ? MEGABYTE_OF_SPACES : fill === 'one string' ? Buffer.alloc(1024 * 1024, 0x78) : MEGABYTE_OF_TEXT;
  // `one string`: the megabytes are the text of a single `Tj`, one piece of text however long.
  const [open, close] = fill === 'one string' ? ['(', ') Tj'] : ['', ''];
  // The page's content in one stream, or (`text in many streams`) in a stream per megabyte.
  const count = fill === 'text in many streams' ? inflatedMb : 1;
  const streams: Buffer[] = [];
  for (let s = 0; s < count; s++)
    streams.push(
      await deflated(
        megabyte,
        inflatedMb / count,
        s === 0 ? `BT /F1 11 Tf 56 700 Td (Lumora) Tj ${open}` : '',
        s === count - 1 ? `${close} ET` : ' ',
      ),
    );
  return onePagePdf(path.join(folder, `inflating-${inflatedMb}-mb-${fill.replaceAll(' ', '-')}.pdf`), streams);
}

/**
 * A PDF of one page whose content is two streams: 300,000 pieces of text, then 200 MB of spaces, both behind
 * filter names written with `#` escapes, so the inflation pre-check counts neither. A reader that inflates a
 * page's streams as it parses them refuses the page by its pieces of text before it reaches the spaces; one
 * that inflates all of the page's streams first holds the 200 MB.
 */
export async function textBeforeHiddenBombPdf(folder: string): Promise<string> {
  const text = await deflated(MEGABYTE_OF_TEXT, 3, 'BT /F1 11 Tf 56 700 Td (Lumora) Tj ', ' ET ');
  const spaces = await deflated(MEGABYTE_OF_SPACES, 200);
  return escapeFilterNames(await onePagePdf(path.join(folder, 'text-before-hidden-bomb.pdf'), [text, spaces]));
}

/**
 * A PDF of one small page that draws one form XObject of `piecesPerForm` text lines (`line` each) `draws`
 * times: PDF.js reads the form's text again at each draw, so the page's text grows with the draws while its
 * streams stay small.
 */
export async function repeatedFormPdf(folder: string, draws = 5000, piecesPerForm = 1000, line = 'x'): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([612, 792]);
  page.drawText('Lumora Analytics', { x: 56, y: 720, size: 11, font });
  const form = pdf.context.register(
    // A tiny font keeps a long line on the page: PDF.js drops the text drawn outside it.
    pdf.context.flateStream(`BT /F1 0.001 Tf 56 700 Td ${`(${line}) Tj T* `.repeat(piecesPerForm)}ET`, {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, 612, 792],
      Resources: { Font: { F1: font.ref } },
    }),
  );
  page.node.setXObject(PDFName.of('Lines'), form);
  page.node.addContentStream(pdf.context.register(pdf.context.flateStream('q /Lines Do Q\n'.repeat(draws))));
  const file = path.join(folder, `repeated-form-${draws}-draws-of-${piecesPerForm * line.length}-characters.pdf`);
  fs.writeFileSync(file, await pdf.save());
  return file;
}

/**
 * Rewrites a PDF's `/Filter /FlateDecode` entries as `/Filter/Fl#61teDecode`: the same name to a PDF reader
 * (`#61` is `a`), not to a search for the bytes. As long, so the cross-reference offsets stay right. Returns the file.
 */
export function escapeFilterNames(file: string): string {
  const pdf = fs.readFileSync(file);
  const plain = Buffer.from('/Filter /FlateDecode\n');
  const escaped = Buffer.from('/Filter/Fl#61teDecode');
  for (let at = pdf.indexOf(plain); at >= 0; at = pdf.indexOf(plain, at)) escaped.copy(pdf, at);
  fs.writeFileSync(file, pdf);
  return file;
}

/** A CSV of `rows` lead rows whose third data row opens a quote it never closes (`"Met at expo`). */
export function strayQuoteCsv(folder: string, rows = 1000): string {
  const lines = [`${LEAD_HEADER.join(',')},Notes`];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `First${i},Last${i},lead${i}@company${i}.example,Company ${i},${i === 3 ? '"Met at expo' : 'Met online'}`,
    );
  const file = path.join(folder, 'stray-quote.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * A saved web page of about `bytes` (under the library's 10 MB limit by default) as a CMS writes one: head
 * with styles and scripts, then sections of paragraphs with links (most of its bytes are text: 7 MB), a
 * table of figures with entities and an inline script each, each section marked so that a search can find
 * the last one. Not hostile, just large: read whole, the reader's 128 MB heap stopped it.
 */
export function largeArticleHtml(folder: string, bytes = 9.5 * 1024 * 1024): string {
  const file = path.join(folder, 'large-article.html');
  const out = fs.openSync(file, 'w');
  try {
    fs.writeSync(
      out,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lumora Analytics annual review</title>' +
        '<style>body{font-family:sans-serif}.fig td{padding:2px 4px}</style>' +
        '<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script></head><body>\n',
    );
    let written = 0;
    for (let section = 1; written < bytes - 4096; section++) {
      const rows = Array.from(
        { length: 8 },
        (_, r) =>
          `<tr><td>Q${(r % 4) + 1}</td><td>${2020 + (r % 5)}</td><td>${(section * 13 + r * 7) % 1000}</td><td>${r}</td><td>&euro;${r * 11}k</td><td>${r % 2 ? 'yes' : 'no'}</td></tr>`,
      ).join('\n');
      const piece =
        `<section id="s${section}"><h2>Section ${section}: Lumora Analytics in region ${section}</h2>\n` +
        Array.from(
          { length: 40 },
          (_, p) =>
            `<p>Lumora Analytics opened site ${section}-${p} in <a href="/regions/${section}">region ${section}</a>, serving grocery and retail ` +
            `customers with demand forecasting. Revenue in the region grew ${p + 3} per cent on the year, and the team doubled.</p>\n`,
        ).join('') +
        `<table class="fig"><thead><tr><th>Quarter</th><th>Year</th><th>Orders</th><th>Sites</th><th>Spend</th><th>Renewed</th></tr></thead><tbody>${rows}</tbody></table>\n` +
        `<script>gtag('event','view',{section:${section},items:[${Array.from({ length: 20 }, (_, i) => i * section).join(',')}]});</script>\n` +
        `<p>Marker sectionmark${section} ends this part.</p></section>\n`;
      fs.writeSync(out, piece);
      written += Buffer.byteLength(piece);
    }
    fs.writeSync(out, '<footer><p>Lumora Analytics, Denver.</p></footer></body></html>\n');
  } finally {
    fs.closeSync(out);
  }
  return file;
}

/**
 * Markdown notes of about `bytes` (under the library's 10 MB limit by default): a heading and a paragraph per
 * meeting, all text. Read whole, it fitted the reader; its text was then written to the index in one
 * transaction on the app's main thread.
 */
export function largeNotesMarkdown(folder: string, bytes = 9.5 * 1024 * 1024): string {
  const file = path.join(folder, 'large-notes.md');
  const out = fs.openSync(file, 'w');
  try {
    let written = 0;
    for (let meeting = 1; written < bytes - 1024; meeting++) {
      const piece =
        `## Meeting ${meeting}\n\nLumora Analytics reviewed site ${meeting}: demand forecasting for grocery and retail ` +
        `customers, revenue up ${meeting % 17} per cent, a pilot planned in region ${meeting % 40}. notemark${meeting}\n\n`;
      fs.writeSync(out, piece);
      written += Buffer.byteLength(piece);
    }
  } finally {
    fs.closeSync(out);
  }
  return file;
}
