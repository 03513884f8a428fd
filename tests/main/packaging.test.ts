import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// electron-builder's own config loader and schema validator, resolved the way electron-builder resolves them.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

type BuilderConfig = {
  asarUnpack: string[];
  npmRebuild: boolean;
  files: unknown[];
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
};

async function loadConfig(): Promise<BuilderConfig> {
  return (await getConfig(repoRoot, 'electron-builder.yml', null)) as unknown as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration((await loadConfig()) as never, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    );
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('unpacks native modules from the asar and rebuilds them for Electron at packaging time', async () => {
    const config = await loadConfig();
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.files).toEqual([{ filter: expect.arrayContaining(['out/**', 'package.json']) }]);
  });

  // The fuses have their own test, with the rest of the security checklist: security-checklist.test.ts.

  it('keeps native rebuilds out of npm install, so node_modules holds the Node builds the tests use', () => {
    const pkg = createRequire(import.meta.url)('../../package.json') as {
      scripts: Record<string, string>;
      main: string;
    };
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.main).toBe('out/main/index.js');
  });
});
