import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/core/log/logger';
import { Redactor } from '../../src/core/log/redactor';
import { UserFacingError } from '../../src/core/errors';
import { logUnexpectedErrors } from '../../src/core/log/handler-errors';
import { dispatch, type HandlerTable } from '../../src/core/ipc/dispatch';
import { tempDir } from '../support/temp-dir';

describe('Redactor', () => {
  it('removes registered secrets wherever they appear, longest first', () => {
    const redactor = new Redactor();
    redactor.add('opensesame');
    redactor.add('opensesame-extended');
    expect(redactor.redact('a=opensesame-extended b=opensesame.')).toBe('a=[redacted] b=[redacted].');
  });

  it('ignores very short "secrets" that would shred ordinary text', () => {
    const redactor = new Redactor();
    redactor.add('abc');
    expect(redactor.redact('abc def')).toBe('abc def');
  });

  it.each([
    ['authorization: Bearer eyJhbGciOi.abc-def_ghi', 'authorization: Bearer [redacted]'],
    ['key tvly-dev-AbC123xyz789 rejected', 'key [redacted] rejected'],
    ['OpenAI key sk-proj-Zz09_aa-bbCC', 'OpenAI key [redacted]'],
    ['anthropic sk-ant-api03-abcdefgh', 'anthropic [redacted]'],
    ['groq gsk_abcdefGHIJ123', 'groq [redacted]'],
  ])('removes anything shaped like a credential: %s', (input, expected) => {
    expect(new Redactor().redact(input)).toBe(expected);
  });

  it('for data, removes only the registered secrets and keeps credential-shaped words from web pages', () => {
    const redactor = new Redactor();
    redactor.add('tvly-dev-registered123');
    expect(redactor.redactRegistered('echo tvly-dev-registered123; docs mention sk-learn-toolkit and Bearer tokens')).toBe(
      'echo [redacted]; docs mention sk-learn-toolkit and Bearer tokens',
    );
  });

  it('leaves ordinary text alone', () => {
    expect(new Redactor().redact('Imported 12 leads from task-list.csv (skipped 2)')).toBe('Imported 12 leads from task-list.csv (skipped 2)');
  });
});

describe('file logger', () => {
  it('writes one redacted entry per call to logs/ in the data folder, with error causes', () => {
    const dataDir = tempDir();
    const redactor = new Redactor();
    redactor.add('my-very-secret-key');
    const log = createFileLogger(dataDir, redactor);
    log.info('started');
    log.error('call failed', new Error('server said my-very-secret-key is wrong', { cause: new Error('root cause') }));
    const text = fs.readFileSync(log.file, 'utf8');
    expect(log.file.startsWith(dataDir)).toBe(true);
    expect(text).toMatch(/^\S+Z INFO started$/m);
    expect(text).toMatch(/ERROR call failed\nError: server said \[redacted\] is wrong/);
    expect(text).toContain('Caused by: Error: root cause');
    expect(text).not.toContain('my-very-secret-key');
  });

  it('logs unexpected handler errors and leaves errors meant for the user out of the log', async () => {
    const log = createFileLogger(tempDir(), new Redactor());
    const handlers = logUnexpectedErrors(
      {
        'settings:get': () => {
          throw new TypeError('cannot read x of undefined');
        },
        'keys:status': () => {
          throw new UserFacingError('keychain_unavailable', 'Install gnome-keyring.');
        },
      } as unknown as HandlerTable,
      log,
    );
    expect(await dispatch(handlers, 'settings:get', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatch(handlers, 'keys:status', undefined)).toEqual({ ok: false, error: { code: 'keychain_unavailable', message: 'Install gnome-keyring.' } });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('IPC settings:get failed\nTypeError: cannot read x of undefined');
    expect(text).not.toContain('keys:status');
  });
});
