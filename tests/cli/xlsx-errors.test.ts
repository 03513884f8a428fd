import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCellReferences } from '../../src/core/leads/read/xlsx-reader';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

/**
 * A workbook as some exporters write it: `<row>` and `<c>` without their optional `r=` references.
 * `strip` picks which tags lose theirs.
 */
async function workbookWithoutReferences(strip: (tag: string) => boolean): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(['First Name', 'Last Name', 'Email', 'Company']);
  sheet.addRow(['Ana', 'Silva', 'ana@acme.example', 'Acme']);
  sheet.addRow(['Bo', 'Berg', 'bo@globex.example', 'Globex']);
  // Enough rows that the sheet's XML reaches the reader in several chunks.
  for (let i = 0; i < 3000; i++)
    sheet.addRow([`First${i}`, `Last${i}`, `lead${i}@company${i}.example`, `Company ${i}`]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file(
    'xl/worksheets/sheet1.xml',
    xml.replace(/<(?:row|c) [^>]*>/g, (tag) => (strip(tag) ? tag.replace(/ r="[^"]*"/, '') : tag)),
  );
  const file = path.join(tempDir(), 'export.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

describe('XLSX rows and cells without r= references', () => {
  it('imports them by position', async () => {
    const file = await workbookWithoutReferences(() => true);
    const result = await runCli(['--data-dir', tempDir(), '--json', 'import', file, '--dry-run']);
    expect(result.stderr).not.toContain('Cannot read');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rowsTotal: 3002, imported: 3002, rejected: 0 });
  });

  it('fills references across chunk boundaries, keeping those present', async () => {
    const xml =
      '<sheetData><row><c t="s"><v>0</v></c><c/></row><row r="5"><c><v>1</v></c><c r="D5"/><c t="n"/></row></sheetData>';
    const chunks = (async function* () {
      for (let i = 0; i < xml.length; i += 7) yield Buffer.from(xml.slice(i, i + 7));
    })();
    let out = '';
    for await (const text of withCellReferences(chunks)) out += text;
    expect(out).toBe(
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"/></row><row r="5"><c r="A5"><v>1</v></c><c r="D5"/><c r="E5" t="n"/></row></sheetData>',
    );
  });

  it('a workbook that still cannot be read gives one line naming the file; --debug adds the stack', async () => {
    // References on the first rows, none on the cells of the last: exceljs fails inside with a bare TypeError.
    const file = await workbookWithoutReferences((tag) => /r="[A-Z]+3003"/.test(tag));
    const plain = await runCli(['--data-dir', tempDir(), 'import', file, '--dry-run']);
    expect(plain.code).toBe(1);
    const lines = plain.stderr
      .trimEnd()
      .split('\n')
      .filter((line) => !/rows? read/.test(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^crm-intel: ${file.replace(/[.\\\\]/g, '\\$&')}: cannot read this workbook \\(.+\\)\\.$`),
    );
    expect(plain.stderr).not.toMatch(/^\s+at /m);

    const debug = await runCli(['--data-dir', tempDir(), '--debug', 'import', file, '--dry-run']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain(`crm-intel: ${file}: cannot read this workbook`);
    expect(debug.stderr).toMatch(/^\s+at /m);
    expect(debug.stderr, debug.stderr).toContain('Caused by: TypeError');
  });
});
