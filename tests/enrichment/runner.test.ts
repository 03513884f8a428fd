import { describe, expect, it } from 'vitest';
import { BatchStore } from '../../src/core/enrichment/batch-store';
import { companiesInFlight, runBatch } from '../../src/core/enrichment/batch-runner';
import { testServices } from '../support/services';
import { seedImport } from '../fixtures/outreach/seed';

describe('batch runner', () => {
  it('sizes the companies in flight from the rate limit, within bounds', () => {
    expect(companiesInFlight(100)).toBe(4);
    expect(companiesInFlight(12_000)).toBe(50);
    expect(companiesInFlight(100_000)).toBe(64);
    expect(companiesInFlight(null)).toBe(8);
  });

  it('holds a batch for its runner while the runner beats; a runner silent too long has let go of it', () => {
    const services = testServices();
    try {
      const { importId } = seedImport(services.db, [{ firstName: 'Ann', email: 'ann@a.example', company: 'Alpha Co' }]);
      const { batchId } = services.enrichment.plan({ importId }, 'standard');
      const store = new BatchStore(services.db);
      // Another live process (this test's parent) holds the batch and has just beaten.
      services.db
        .prepare(`UPDATE enrichment_batches SET status = 'running', runner_pid = ?, heartbeat_at = ? WHERE id = ?`)
        .run(process.ppid, Date.now(), batchId);
      expect(store.summary(batchId)).toMatchObject({ status: 'running', running: true });
      expect(() => store.claim(batchId)).toThrow(`running in another process (pid ${process.ppid})`);

      // Its last beat a minute ago: the runner is gone though its process lives, so the batch can be resumed.
      services.db
        .prepare('UPDATE enrichment_batches SET heartbeat_at = ? WHERE id = ?')
        .run(Date.now() - 60_000, batchId);
      expect(store.summary(batchId)).toMatchObject({ status: 'interrupted', running: false });
      expect(store.requestCancel(batchId)).toBe(false);
      store.claim(batchId);
      expect(store.summary(batchId)).toMatchObject({ status: 'running', running: true });
      expect(store.requestCancel(batchId)).toBe(true);
    } finally {
      services.close();
    }
  });

  it('lets go of a batch when something fails under it: what finished is kept, the batch reads as interrupted and can run again', async () => {
    const services = testServices(); // no search provider: every lookup fails, quickly and without network
    try {
      const { importId } = seedImport(services.db, [{ firstName: 'Ann', email: 'ann@a.example', company: 'Alpha Co' }]);
      const { batchId } = services.enrichment.plan({ importId }, 'standard');
      const store = new BatchStore(services.db);
      const broken = () => {
        throw new Error('progress listener broke');
      };
      await expect(
        runBatch(store, services.intel, batchId, { workflow: 'standard', concurrency: 2, onProgress: broken }),
      ).rejects.toThrow('progress listener broke');
      expect(store.summary(batchId)).toMatchObject({ status: 'interrupted', running: false, companiesFailed: 1 });
      expect(store.summary(batchId).failures[0]!.error).toMatch(/search/i);

      services.enrichment.requeue(batchId);
      expect(await runBatch(store, services.intel, batchId, { workflow: 'standard', concurrency: 2 })).toMatchObject({
        status: 'partial',
        running: false,
        companiesFailed: 1,
      });
    } finally {
      services.close();
    }
  });
});
