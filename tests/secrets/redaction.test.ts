import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/core/log/logger';
import { PassThrough } from 'node:stream';
import { Redactor, threadRedactor } from '../../src/core/log/redactor';
import { withRedactedWrites } from '../../src/core/log/redacting-stream';
import { openDatabase } from '../../src/core/store/database';
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
    expect(
      redactor.redactRegistered('echo tvly-dev-registered123; docs mention sk-learn-toolkit and Bearer tokens'),
    ).toBe('echo [redacted]; docs mention sk-learn-toolkit and Bearer tokens');
  });

  it('leaves ordinary text alone', () => {
    expect(new Redactor().redact('Imported 12 leads from task-list.csv (skipped 2)')).toBe(
      'Imported 12 leads from task-list.csv (skipped 2)',
    );
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
    expect(await dispatch(handlers, 'settings:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await dispatch(handlers, 'keys:status', undefined)).toEqual({
      ok: false,
      error: { code: 'keychain_unavailable', message: 'Install gnome-keyring.' },
    });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).toContain('IPC settings:get failed\nTypeError: cannot read x of undefined');
    expect(text).not.toContain('keys:status');
  });
});

describe('Redactor: decodes before matching', () => {
  const KEY = 'tvly-dev-Secret123abc';
  const registered = () => {
    const redactor = new Redactor();
    redactor.add(KEY);
    return redactor;
  };

  it.each([
    ['as written', `detail: ${KEY} is invalid`],
    ['upper case', `DETAIL: ${KEY.toUpperCase()} IS INVALID`],
    ['lower case', `detail: ${KEY.toLowerCase()} is invalid`],
    ['JSON \\u escapes', JSON.stringify({ detail: KEY }).replace('-', '\\u002d').replace('S', '\\u0053')],
    [
      'every character \\u-escaped',
      [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`).join(''),
    ],
    ['URL encoded', `https://api.example/?key=${[...KEY].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('')}&q=1`],
    ['partly URL encoded, mixed case', `key=tvly%2ddev%2DSECRET123abc`],
  ])('finds a registered key %s, in logs and in data', (_name, text) => {
    for (const redact of [(t: string) => registered().redact(t), (t: string) => registered().redactRegistered(t)]) {
      const clean = redact(text);
      expect(clean).toContain('[redacted]');
      expect(clean.toLowerCase()).not.toContain('secret123');
      expect(decodeURIComponent(JSON.parse(`"${clean.replace(/"/g, '\\"')}"`)).toLowerCase()).not.toContain(
        'secret123abc',
      );
    }
  });

  it('keeps the text around a match exactly as it was, escapes included', () => {
    const text = `{"detail":"\\u001b[31m bad key tvly\\u002ddev-Secret123abc","next":"%20ok"}`;
    expect(registered().redactRegistered(text)).toBe('{"detail":"\\u001b[31m bad key [redacted]","next":"%20ok"}');
  });

  it('finds credential shapes written escaped or encoded', () => {
    expect(new Redactor().redact('authorization: Bearer%20abc.def-ghi')).toBe('authorization: Bearer%20[redacted]');
    expect(new Redactor().redact('{"key":"gsk\\u005fabcdefGHIJ123"}')).toBe('{"key":"[redacted]"}');
  });
});

describe('redaction at the edges: the database and the command line', () => {
  const KEY = 'tvly-dev-EdgeSecret987xyz';

  it('cuts a key this thread has read out of every string written to the database, escaped or not', () => {
    threadRedactor.add(KEY);
    const db = openDatabase(tempDir());
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT)');
    db.prepare('INSERT INTO probe (note) VALUES (?)').run(`Tavily answered 401: ${KEY} is not valid`);
    db.prepare('INSERT INTO probe (note) VALUES (@note)').run({
      note: `{"detail":"${KEY.toUpperCase().replace('-', '\\u002d')}"}`,
    });
    const returned = db
      .prepare('INSERT INTO probe (note) VALUES (?) RETURNING note')
      .get(`key=${encodeURIComponent(KEY).replace(/-/g, '%2D')}`) as { note: string };
    const notes = (db.prepare('SELECT note FROM probe ORDER BY id').all() as { note: string }[]).map((row) => row.note);
    expect(notes).toEqual([
      'Tavily answered 401: [redacted] is not valid',
      '{"detail":"[redacted]"}',
      'key=[redacted]',
    ]);
    expect(returned.note).toBe('key=[redacted]');
    db.close();
  });

  it('cuts a key out of literals in the SQL text too, for db.exec and prepared writes, and leaves reads alone', () => {
    threadRedactor.add(KEY);
    const db = openDatabase(tempDir());
    db.exec(`CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO probe (note) VALUES ('exec: ${KEY}')`);
    db.exec(`INSERT INTO probe (note) VALUES ('escaped: ${KEY.replace('-', '%2d')}')`);
    db.prepare(`INSERT INTO probe (note) VALUES ('prepared: ${KEY}')`).run();
    db.prepare(`UPDATE probe SET note = note || ' and ${KEY}' WHERE id = ?`).run(2);
    const notes = (db.prepare('SELECT note FROM probe ORDER BY id').all() as { note: string }[]).map((row) => row.note);
    expect(notes).toEqual(['exec: [redacted]', 'escaped: [redacted] and [redacted]', 'prepared: [redacted]']);
    // A read's text is not a write: a lookup for the key itself still finds nothing stored.
    expect(db.prepare(`SELECT count(*) AS n FROM probe WHERE note LIKE '%${KEY}%'`).get()).toEqual({ n: 0 });
    db.close();
  });

  it('cuts keys and key-shaped text out of everything the command line prints', () => {
    const redactor = new Redactor();
    redactor.add(KEY);
    const out = new PassThrough();
    const stream = withRedactedWrites(out, (text) => redactor.redact(text));
    stream.write(`crm-intel: provider said ${KEY.toLowerCase()}\n`);
    stream.write(Buffer.from('Authorization: Bearer abc.def\n'));
    expect(String(out.read())).toBe('crm-intel: provider said [redacted]\nAuthorization: Bearer [redacted]\n');
  });
});
