import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildRenderer } from './build-renderer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The renderer built once for the whole e2e run. */
    rendererDir: string;
  }
}

/** Builds the renderer once per `npm run test:e2e`; every test file serves the same build. */
export default async function setup(project: TestProject) {
  const dir = await buildRenderer();
  project.provide('rendererDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
