import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** Runs `crm-intel ARGS` in this process with its own stdout, stderr, stdin and environment. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}, input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const stdin = new PassThrough();
  stdin.end(input);
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await main(['node', 'crm-intel', ...args], { stdout, stderr, stdin, env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
