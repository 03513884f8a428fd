import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { readSecretLine } from '../../src/cli/read-secret';
import { migrations } from '../../src/core/store/migrations';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

// No session bus for this file: keytar fails fast as on a machine without a Secret Service, whatever runs here.
vi.hoisted(() => {
  process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent-bus';
});

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('crm-intel keys', () => {
  it('rejects an unknown provider with a non-zero exit, the valid ones on stderr and nothing on stdout', async () => {
    const result = await runCli(['keys', 'set', 'bing', '--data-dir', tempDir()], {}, 'k\n');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /unknown provider "bing"; expected one of tavily, openai, anthropic, groq, slack, webhook/,
    );
  });

  it('refuses an empty key read from standard input, saying how to give one', async () => {
    const result = await runCli(['keys', 'set', 'openai', '--data-dir', tempDir()], {}, '\n');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/No key was given on standard input.*crm-intel keys set openai/);
  });

  it('without a Secret Service, fails set with what to install and never echoes the key', async () => {
    const result = await runCli(['keys', 'set', 'tavily', '--data-dir', tempDir()], {}, 'tvly-not-stored-anywhere\n');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/keychain.*gnome-keyring/is);
    expect(result.stderr).not.toContain('tvly-not-stored-anywhere');
  });

  it('list counts keys from environment variables even without a keychain, and never prints them', async () => {
    const result = await runCli(['keys', 'list', '--json', '--data-dir', tempDir()], {
      OPENAI_API_KEY: 'sk-from-the-environment',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      tavily: false,
      openai: true,
      anthropic: false,
      groq: false,
      slack: false,
      webhook: false,
    });
    expect(result.stdout + result.stderr).not.toContain('sk-from-the-environment');
  });
});

describe('reading a key from a terminal', () => {
  function fakeTerminal() {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: vi.fn() });
    const stderr = new PassThrough();
    const written: string[] = [];
    stderr.on('data', (chunk) => written.push(String(chunk)));
    return { stdin, stderr, written };
  }

  it('prompts on stderr, turns echo off while typing and handles backspace', async () => {
    const { stdin, stderr, written } = fakeTerminal();
    const reading = readSecretLine(stdin, stderr, 'API key for tavily: ');
    stdin.write('tvly-secrx');
    stdin.write('\u007ft\r');
    await expect(reading).resolves.toBe('tvly-secrt');
    expect(stdin.setRawMode.mock.calls).toEqual([[true], [false]]);
    expect(written.join('')).toBe('API key for tavily: \n');
  });

  it('cancels on Ctrl-C and restores the terminal', async () => {
    const { stdin, stderr } = fakeTerminal();
    const reading = readSecretLine(stdin, stderr, 'key: ');
    stdin.write('abc\u0003');
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(stdin.setRawMode).toHaveBeenLastCalledWith(false);
  });
});

describe('the crm-intel executable', () => {
  const run = promisify(execFile);

  it('runs from a fresh checkout through bin/crm-intel.js: results on stdout, nothing on stderr', async () => {
    const dataDir = tempDir();
    const { stdout, stderr } = await run(process.execPath, [
      path.join(repoRoot, 'bin/crm-intel.js'),
      'status',
      '--json',
      '--data-dir',
      dataDir,
    ]);
    expect(JSON.parse(stdout)).toMatchObject({ dataDir, schemaVersion: migrations.at(-1)!.version });
    expect(stderr).toBe('');
  });

  it('runs built JavaScript: nothing in out/cli loads tsx or a TypeScript file', () => {
    const built = fs
      .readdirSync(path.join(repoRoot, 'out/cli'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'));
    expect(built).toEqual(expect.arrayContaining(['bin.js', 'job-worker.js']));
    for (const file of built)
      expect(fs.readFileSync(path.join(repoRoot, 'out/cli', file), 'utf8')).not.toMatch(
        /from ["']tsx|import\(["'][^"']*\.ts["']\)/,
      );
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toEqual(expect.arrayContaining(['tsx']));
  });

  it('exits non-zero with the error on stderr', async () => {
    const failure = await run(process.execPath, [
      path.join(repoRoot, 'bin/crm-intel.js'),
      'keys',
      'delete',
      'nope',
    ]).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1, stdout: '' });
    expect((failure as { stderr: string }).stderr).toMatch(/unknown provider "nope"/);
  });
});
