import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, restoreNeutralisedFormula, writeCsvFile } from '../../src/core/export/csv';
import { tempDir } from '../support/temp-dir';

describe('formula-safe CSV writer', () => {
  it.each(['=SUM(A1:A2)', '+1 415 555 0100', '-2+3', '@cmd', '\tTAB', '\rCR'])(
    'prefixes %j with an apostrophe (OWASP)',
    (value) => {
      expect(csvField(value).replace(/^"|"$/g, '')).toBe(`'${value}`);
    },
  );

  it('leaves other text alone and quotes delimiters, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvField('x=1')).toBe('x=1');
  });

  it('undoes only its own prefix when reading back', () => {
    expect(restoreNeutralisedFormula("'=1")).toBe('=1');
    expect(restoreNeutralisedFormula("'quoted'")).toBe("'quoted'");
    expect(restoreNeutralisedFormula("'")).toBe("'");
  });

  it('streams rows to a UTF-8 file with BOM and CRLF that a CSV parser reads back', async () => {
    const file = path.join(tempDir(), 'out.csv');
    async function* rows() {
      for (let i = 0; i < 3000; i++) yield [`Zoë ${i}`, 'a,"b"\nc', i % 2 === 0 ? '=cmd' : null];
    }
    expect(await writeCsvFile(file, ['Name', 'Text', 'Danger'], rows())).toBe(3000);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['Name', 'Text', 'Danger']);
    expect(parsed[1]).toEqual(['Zoë 0', 'a,"b"\nc', "'=cmd"]);
    expect(parsed[2]![2]).toBe('');
    expect(parsed).toHaveLength(3001);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('removes the partial file when the rows fail', async () => {
    const file = path.join(tempDir(), 'broken.csv');
    function* rows() {
      yield ['ok'];
      throw new Error('source failed');
    }
    await expect(writeCsvFile(file, ['A'], rows())).rejects.toThrow('source failed');
    expect(fs.existsSync(file)).toBe(false);
  });
});
