import { createRequire } from 'node:module';
import fs from 'node:fs';
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
  extraResources: { from: string; to: string }[];
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

  it('ships the sample data beside the app’s resources, where the main process looks for it', async () => {
    const config = await loadConfig();
    const entry = config.extraResources.find((resource) => resource.to === 'sample-data');
    expect(entry?.from).toBe('resources/sample-data');
    const shipped = fs.readdirSync(path.join(repoRoot, entry!.from), { recursive: true }).map(String).sort();
    expect(shipped).toEqual(
      expect.arrayContaining(['README.md', 'sample-leads.csv', path.join('research', 'fernhollow-series-a.md')]),
    );
    expect(fs.readFileSync(path.join(repoRoot, 'src/main/bootstrap.ts'), 'utf8')).toContain(
      "path.join(process.resourcesPath, 'sample-data')",
    );
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
