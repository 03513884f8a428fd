import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let outDir: string;
const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
const mainFiles = () => [
  'main/index.js',
  'main/job-worker.js',
  ...fs.readdirSync(path.join(outDir, 'main/chunks')).map((f) => `main/chunks/${f}`),
];
const specifiers = (code: string) => [...code.matchAll(/(?:from |import\(|require\()"([^"]+)"/g)].map((m) => m[1]!);

// `npm start` builds with electron-vite before launching Electron; nothing else in the tests builds main and
// preload, so a broken bundle would only show on an analyst's machine. Building needs no Electron binary.
describe('the Electron bundle (electron-vite build)', () => {
  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bundle-'));
    await promisify(execFile)(
      path.join(repoRoot, 'node_modules/.bin/electron-vite'),
      ['build', '--outDir', outDir, '--logLevel', 'error'],
      { cwd: repoRoot, timeout: 120_000 },
    );
  }, 130_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('writes the entry package.json names, the jobs worker main passes to createAppServices, the preload and the renderer', () => {
    const main = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    for (const file of ['main/index.js', 'main/job-worker.js', 'preload/index.cjs', 'renderer/index.html'])
      expect(fs.existsSync(path.join(outDir, file)), file).toBe(true);
  });

  it('keeps the native modules outside the bundle, loaded from node_modules at run time', () => {
    const imported = mainFiles().flatMap((file) => specifiers(read(file)));
    expect(imported).toContain('better-sqlite3');
    expect(imported).toContain('keytar');
    expect(mainFiles().some((file) => read(file).includes('cppdb'))).toBe(false); // better-sqlite3's own wrapper code
  });

  it('imports electron in the main entry only: the jobs worker and the shared core chunks run without it', () => {
    for (const file of mainFiles())
      expect(specifiers(read(file)).includes('electron'), file).toBe(file === 'main/index.js');
  });

  it('gives the sandboxed preload nothing to require but electron', () => {
    expect(specifiers(read('preload/index.cjs'))).toEqual(['electron']);
  });
});
