import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { tempDir } from '../support/temp-dir';

export const HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Title', 'City', 'Notes', 'Segment'];

/** Cell text with what breaks naive CSV code: delimiters, quotes, line breaks, non-ASCII, formula characters. */
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'ß', '字', ' ', ',', ';', '"', '\n', 'x', '1', '.', '=', '+', '-', '@'), maxLength: 12 });
const email = fc.oneof(fc.constantFrom('ada@example.com', 'ADA@example.com', 'bob@example.org', 'cy@example.net', ''), fc.constantFrom('bad@', 'no-at-sign', '@x'), fc.emailAddress());
const name = fc.constantFrom('', 'Ada', 'Bob', 'Zoë');
const company = fc.constantFrom('', 'Acme Inc', 'ACME', 'Globex', 'Initech LLC');
const row = fc.tuple(name, name, email, company, text, text, text, text);

export type GeneratedRows = Array<{ cells: string[]; blankLinesBefore: number }>;

/** Lead files whose rows collide on email, name and company key, with blank lines, invalid emails and odd text. */
export const leadFile = fc.array(fc.record({ cells: row, blankLinesBefore: fc.nat(2) }), { minLength: 1, maxLength: 40 });

let written = 0;
export function writeLeadFile(rows: GeneratedRows): string {
  const lines = [Papa.unparse([HEADERS], { quotes: true })];
  for (const { cells, blankLinesBefore } of rows) lines.push(...Array<string>(blankLinesBefore).fill(''), Papa.unparse([cells], { quotes: true }));
  const target = path.join(tempDir(), `generated-${(written += 1)}.csv`);
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`);
  return target;
}
