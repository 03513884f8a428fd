import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner';
import { UserFacingError } from '../../src/core/errors';
import { previewTable } from '../../src/core/leads/read/open-table';
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
    const error = await runner
      .run('leads.import', { dataDir: tempDir(), file: '/nonexistent/x.csv', phoneRegion: 'US' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(error).toMatchObject({ code: 'file_not_found', message: '/nonexistent/x.csv: no such file.' });
  });

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    await expect(
      runner.run('leads.import', { dataDir: tempDir(), file: 'x', phoneRegion: 'US' }, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('JobRunner, a job whose progress is a stream of results (progressWindow)', () => {
  /** Blocks this thread, as a slow progress handler does. */
  const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

  it('keeps the job waiting while the window is full, and a cancel wakes it at once', async () => {
    // About 36 batches of normalised rows (one per 256 KB read).
    const rows = Array.from({ length: 400_000 }, (_, i) => `p${i}@example.com`).join('\n');
    const file = writeEncoded(path.join(tempDir(), 'many.csv'), `Email\n${rows}\n`, 'utf-8');
    const layout = (await previewTable(file)).layout;
    // A cancel that had to wait for the thread's termination would take a minute.
    const runner = new JobRunner({ cancelGraceMs: 60_000 });
    const controller = new AbortController();
    let batches = 0;
    let afterCancel = 0;
    const job = runner.run(
      'leads.normalise',
      { file, layout, targets: ['email'], phoneRegion: 'US', onDuplicate: 'skip' },
      {
        signal: controller.signal,
        progressWindow: 2,
        onProgress: () => {
          batches += 1;
          if (batches > 1) {
            afterCancel += 1;
            return;
          }
          // Unbounded, the job would read most of the file meanwhile.
          sleepSync(1500);
          controller.abort();
        },
      },
    );
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(afterCancel).toBeLessThanOrEqual(2);
  }, 20_000);
});
