import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { fileURLToPath } from 'node:url';
import { previewTable, readTable } from '../../src/core/leads/read/open-table';
import type { SourceRow } from '../../src/core/leads/read/table';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'leads');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** Writes text in the given encoding, with the byte order mark Excel writes for UTF-8/UTF-16 when `bom`. */
export function writeEncoded(file: string, text: string, encoding: string, bom = false): string {
  fs.writeFileSync(file, iconv.encode(text, encoding, { addBOM: bom }));
  return file;
}

/** Every data row of a file, through the same preview + streaming read an import uses. */
export async function readAll(file: string, sheet?: string) {
  const preview = await previewTable(file, { sheet });
  const rows: SourceRow[] = [];
  await readTable(file, preview.layout, (batch) => rows.push(...batch));
  return { layout: preview.layout, rows };
}

export const CLI = path.join(FIXTURES, '..', '..', '..', 'bin', 'crm-intel.js');

/** Runs the real `crm-intel` command line in a child process. */
export function runCliProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, CRM_INTEL_DATA_DIR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
