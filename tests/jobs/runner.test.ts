import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner';
import { UserFacingError } from '../../src/core/errors';
import { openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';
import { writeEncoded } from '../leads/support';

/** The runner is exercised through a real job (lead import) in a real worker thread. */
describe('JobRunner', () => {
  const runner = new JobRunner({ cancelGraceMs: 2000 });

  it('runs a job in a worker thread and resolves with its result', async () => {
    const dataDir = tempDir();
    const file = writeEncoded(path.join(tempDir(), 'a.csv'), 'Email\na@example.com\nb@example.com\n', 'utf-8');
    const result = await runner.run('leads.import', { dataDir, file, phoneRegion: 'US' });
    expect(result).toMatchObject({ rowsTotal: 2, imported: 2 });
    const db = openDatabase(dataDir);
    expect(db.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({ n: 2 });
    db.close();
  });

  it('passes a user-facing error across the thread with its code and message', async () => {
    const error = await runner.run('leads.import', { dataDir: tempDir(), file: '/nonexistent/x.csv', phoneRegion: 'US' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ code: 'file_not_found', message: '/nonexistent/x.csv: no such file.' });
  });

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    await expect(runner.run('leads.import', { dataDir: tempDir(), file: 'x', phoneRegion: 'US' }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
