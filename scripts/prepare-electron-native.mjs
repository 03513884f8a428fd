#!/usr/bin/env node
// Builds the native modules (better-sqlite3, keytar) for Electron's ABI into .electron-native/, for running
// the app from the source tree (`npm start`). node_modules keeps the Node builds the tests and the command
// line use; a packaged app gets its own Electron builds from electron-builder (`npmRebuild`).
// Needs network access once: node-gyp downloads Electron's headers. Does nothing when already built.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.join(root, '.electron-native');
const marker = path.join(target, 'built-for.json');
const require = createRequire(path.join(root, 'package.json'));

const electronVersion = require('electron/package.json').version;
const modules = ['better-sqlite3', 'keytar'].filter((name) =>
  fs.existsSync(path.join(root, 'node_modules', name, 'package.json')),
);
const versions = Object.fromEntries(modules.map((name) => [name, require(`${name}/package.json`).version]));
const wanted = JSON.stringify({ electronVersion, platform: process.platform, arch: process.arch, versions });

if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) process.exit(0);

console.error(`Building ${modules.join(' and ')} for Electron ${electronVersion} into .electron-native/ ...`);
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(target, 'package.json'),
  JSON.stringify({ name: 'crm-intelligence-electron-native', private: true, dependencies: versions }, null, 2),
);
for (const name of modules) {
  fs.cpSync(path.join(root, 'node_modules', name), path.join(target, 'node_modules', name), {
    recursive: true,
    filter: (source) => !source.split(path.sep).includes('build'),
  });
}

try {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: target, electronVersion, onlyModules: modules, force: true });
} catch (error) {
  fs.rmSync(target, { recursive: true, force: true });
  console.error(
    [
      `Could not build ${modules.join(' and ')} for Electron ${electronVersion}: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      "This step downloads Electron's C++ headers (from https://artifacts.electronjs.org) and compiles the modules,",
      'so it needs network access and build tools (on Debian: sudo apt-get install build-essential python3 libsecret-1-dev).',
      'Run `node scripts/prepare-electron-native.mjs` again once both are available. The tests and the command line do not need it.',
    ].join('\n'),
  );
  process.exit(1);
}
fs.writeFileSync(marker, wanted);
console.error('Done.');
