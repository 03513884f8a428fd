import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const rendererRoot = path.resolve(import.meta.dirname, '../../../src/renderer');

/** Builds the renderer exactly as electron-vite does (same root, same React plugin) into a fresh folder. */
export async function buildRenderer(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-renderer-'));
  await build({
    root: rendererRoot,
    configFile: false,
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
