import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/core/leads/read/encoding';
import { previewTable } from '../../src/core/leads/read/open-table';
import { tempDir } from '../support/temp-dir';
import { fixture, readAll, writeEncoded } from './support';

const GERMAN = 'Vorname;Nachname;E-Mail;Firma;Notiz\r\nJürgen;Müller;j@beispiel.de;Beispiel GmbH;„Grüße“ – 5 €\r\n';

describe('reading lead files', () => {
  it.each([
    ['UTF-8 with BOM', 'utf-8', true, 'utf-8'],
    ['UTF-8 without BOM', 'utf-8', false, 'utf-8'],
    ['UTF-16 LE with BOM (Excel "Unicode Text")', 'utf-16le', true, 'utf-16le'],
    ['UTF-16 BE with BOM', 'utf-16be', true, 'utf-16be'],
    ['Windows-1252', 'windows-1252', false, 'windows-1252'],
  ])('%s: detected and decoded', async (_label, encoding, bom, detected) => {
    const file = writeEncoded(path.join(tempDir(), 'leads.csv'), GERMAN, encoding, bom);
    const { layout, rows } = await readAll(file);
    expect(layout.encoding).toBe(detected);
    expect(layout.headers).toEqual(['Vorname', 'Nachname', 'E-Mail', 'Firma', 'Notiz']);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['Jürgen', 'Müller', 'j@beispiel.de', 'Beispiel GmbH', '„Grüße“ – 5 €'] },
    ]);
  });

  it('Latin-1: detected when no byte needs Windows-1252, and decoded', async () => {
    const file = writeEncoded(path.join(tempDir(), 'leads.csv'), 'Name,Firma\nJosé Müller,Café Ñandú\n', 'latin1');
    const { layout, rows } = await readAll(file);
    expect(layout.encoding).toBe('iso-8859-1');
    expect(rows[0]!.cells).toEqual(['José Müller', 'Café Ñandú']);
  });

  it('tells Windows-1252 from Latin-1 by the bytes 0x80–0x9F', () => {
    expect(detectEncoding(Buffer.from([0x41, 0x80, 0x42])).encoding).toBe('windows-1252');
    expect(detectEncoding(Buffer.from([0x41, 0xe9, 0x42])).encoding).toBe('iso-8859-1');
    expect(detectEncoding(Buffer.from('Aé', 'utf8')).encoding).toBe('utf-8');
  });

  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
    ['\t', 'tab'],
    ['|', 'pipe'],
  ])(
    'detects the %j (%s) delimiter, with quoted delimiters, quotes and line breaks inside fields',
    async (delimiter) => {
      const d = delimiter;
      const text = `Name${d}Email${d}Notes\n"Ada${d} Countess"${d}ada@example.com${d}"said ""hi""\nthen left"\nBob${d}bob@example.com${d}plain\n`;
      const { layout, rows } = await readAll(writeEncoded(path.join(tempDir(), 'l.csv'), text, 'utf-8'));
      expect(layout.delimiter).toBe(delimiter);
      expect(rows).toEqual([
        { rowNumber: 2, cells: [`Ada${d} Countess`, 'ada@example.com', 'said "hi"\nthen left'] },
        { rowNumber: 3, cells: ['Bob', 'bob@example.com', 'plain'] },
      ]);
    },
  );

  it('finds a header row below title lines, skips blank lines but counts them in row numbers, keeps ragged rows', async () => {
    const text =
      'Lead export\nGenerated 2024-05-01\n\nFirst Name,Last Name,Email,Email\nAda,Lovelace,ada@example.com,ada@work.com\n\n,,,\nBob,Builder\nCy,Young,cy@example.com,,extra\n';
    const { layout, rows } = await readAll(writeEncoded(path.join(tempDir(), 'l.csv'), text, 'utf-8'));
    expect(layout.headerRowNumber).toBe(4);
    expect(layout.headers).toEqual(['First Name', 'Last Name', 'Email', 'Email (2)']);
    expect(rows.map((r) => r.rowNumber)).toEqual([5, 8, 9]);
    expect(rows[1]!.cells).toEqual(['Bob', 'Builder']);
    expect(rows[2]!.cells).toEqual(['Cy', 'Young', 'cy@example.com', '', 'extra']);
  });

  it('reads the real export shapes in the fixtures', async () => {
    const salesforce = await readAll(fixture('salesforce-leads.csv'));
    expect(salesforce.rows).toHaveLength(3);
    expect(salesforce.rows[1]!.cells[8]).toBe('500 Oak Ave\nSuite 3');
    expect(salesforce.rows[2]!.rowNumber).toBe(4);
    const linkedin = await readAll(fixture('linkedin-connections.csv'));
    expect(linkedin.layout.headerRowNumber).toBe(4);
    expect(linkedin.rows.map((r) => r.cells[0])).toEqual(['Sofia', 'Mark']);
    const spanish = await readAll(fixture('excel-spanish.tsv'));
    expect(spanish.layout.delimiter).toBe('\t');
  });

  it('streams the chosen XLSX sheet with its spreadsheet row numbers, and names the sheets', async () => {
    const file = path.join(tempDir(), 'book.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Summary').addRow(['Totals', 3]);
    const sheet = workbook.addWorksheet('Leads');
    sheet.addRow(['Exported from CRM']);
    sheet.addRow(['First Name', 'Last Name', 'Email', 'Created']);
    sheet.addRow([
      'Ada',
      'Lovelace',
      { text: 'ada@example.com', hyperlink: 'mailto:ada@example.com' },
      new Date(Date.UTC(2024, 0, 31)),
    ]);
    sheet.getRow(4).getCell(1).font = { bold: true }; // formatted, empty: not a data row
    sheet.getRow(5).values = ['Bob', { richText: [{ text: 'Bui' }, { text: 'lder' }] }, 'bob@example.com', 42];
    await workbook.xlsx.writeFile(file);

    const preview = await previewTable(file, { sheet: 'Leads' });
    expect(preview.layout).toMatchObject({
      format: 'xlsx',
      sheets: ['Summary', 'Leads'],
      sheet: 'Leads',
      headerRowNumber: 2,
    });
    const { rows } = await readAll(file, 'Leads');
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['Ada', 'Lovelace', 'ada@example.com', '2024-01-31'] },
      { rowNumber: 5, cells: ['Bob', 'Builder', 'bob@example.com', '42'] },
    ]);
    await expect(previewTable(file, { sheet: 'Nope' })).rejects.toThrow(
      /no sheet named "Nope"; the sheets are "Summary", "Leads"/,
    );
  });

  it('refuses a legacy .xls workbook and a binary file by name, and a sheet asked of a CSV, instead of reading noise as rows', async () => {
    const dir = tempDir();
    const xls = path.join(dir, 'export.xls');
    fs.writeFileSync(
      xls,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    await expect(previewTable(xls)).rejects.toThrow(
      `${xls}: an Excel 97–2003 workbook (.xls), which cannot be read; save it from Excel as .xlsx or CSV and import that.`,
    );
    const binary = path.join(dir, 'leads.csv');
    fs.writeFileSync(binary, Buffer.concat([Buffer.from('Name,Email\nAda,a'), Buffer.from([0x00, 0x01, 0x02])]));
    await expect(previewTable(binary)).rejects.toThrow(
      `${binary}: not a CSV, TSV or Excel (.xlsx) file: it holds binary data (a NUL byte at byte 17).`,
    );
    const csv = writeEncoded(path.join(dir, 'ok.csv'), 'Name,Email\nAda,ada@example.com\n', 'utf-8');
    await expect(previewTable(csv, { sheet: 'Leads' })).rejects.toThrow(
      `${csv}: a CSV or TSV file has no sheets; "Leads" names a sheet of an Excel workbook.`,
    );
    expect((await previewTable(csv)).layout.headers).toEqual(['Name', 'Email']);
  });

  it('reports a missing file by name', async () => {
    await expect(previewTable('/nonexistent/leads.csv')).rejects.toThrow('/nonexistent/leads.csv: no such file.');
  });
});
