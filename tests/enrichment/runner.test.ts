import { describe, expect, it } from 'vitest';
import { BatchStore } from '../../src/core/enrichment/batch-store';
import { companiesInFlight, runBatch } from '../../src/core/enrichment/batch-runner';
import { claimBatch } from '../../src/core/enrichment/enrichment-service';
import { openDatabase } from '../../src/core/store/database';
import { tempDir } from '../support/temp-dir';
import { testServices } from '../support/services';
import { seedImport } from '../fixtures/outreach/seed';

describe('batch runner', () => {
  it('sizes the companies in flight from the rate limit, within bounds', () => {
    expect(companiesInFlight(100)).toBe(4);
    expect(companiesInFlight(12_000)).toBe(50);
    expect(companiesInFlight(100_000)).toBe(64);
    expect(companiesInFlight(null)).toBe(8);
  });

  it('holds a batch for its runner while the runner beats; the service sees a runner silent too long as gone', () => {
    const services = testServices();
    try {
      const { enrichment } = services;
      const { importId } = seedImport(services.db, [{ firstName: 'Ann', email: 'ann@a.example', company: 'Alpha Co' }]);
      const { batchId } = enrichment.plan({ importId }, 'standard');
      const store = new BatchStore(services.db);
      // Another live process (this test's parent) holds the batch and has just beaten.
      services.db
        .prepare(`UPDATE enrichment_batches SET status = 'running', runner_pid = ?, heartbeat_at = ? WHERE id = ?`)
        .run(process.ppid, Date.now(), batchId);
      expect(enrichment.status(batchId)).toMatchObject({ status: 'running', running: true });
      const held = `running in another process (pid ${process.ppid})`;
      expect(() => claimBatch(store, batchId)).toThrow(held);
      expect(() => enrichment.requeue(batchId)).toThrow(held);

      // Its last beat a minute ago: the runner is gone though its process lives, so the batch can be resumed.
      services.db
        .prepare('UPDATE enrichment_batches SET heartbeat_at = ? WHERE id = ?')
        .run(Date.now() - 60_000, batchId);
      expect(store.batch(batchId).status).toBe('running'); // as stored: what that means is the service's to say
      expect(enrichment.status(batchId)).toMatchObject({ status: 'interrupted', running: false });
      expect(enrichment.cancel(batchId)).toBe(false);
      expect(enrichment.requeue(batchId)).toBe(0);
      claimBatch(store, batchId);
      expect(enrichment.status(batchId)).toMatchObject({ status: 'running', running: true });
      expect(enrichment.cancel(batchId)).toBe(true);
    } finally {
      services.close();
    }
  });

  it("lets one of two claimers have a batch: the second cannot claim between the first one's check and its claim", () => {
    const dataDir = tempDir();
    const services = testServices({ dataDir });
    // A second connection to the same file, as another process has. It gives up at once where another process
    // would wait (5 s) for the first claim to commit: here one thread holds both, so waiting could not help.
    const other = openDatabase(dataDir);
    other.pragma('busy_timeout = 0');
    try {
      const { importId } = seedImport(services.db, [{ firstName: 'Ann', email: 'ann@a.example', company: 'Alpha Co' }]);
      const { batchId } = services.enrichment.plan({ importId }, 'standard');
      const first = new BatchStore(services.db);
      const second = new BatchStore(other);
      let secondMidway: unknown = 'claimed';
      first.claim(batchId, (batch) => {
        expect(batch.status).toBe('pending');
        try {
          claimBatch(second, batchId);
        } catch (error) {
          secondMidway = error;
        }
      });
      expect(secondMidway).toMatchObject({ code: 'SQLITE_BUSY' });
      // Once the first claim is committed, the second claimer sees it: a live runner (this process) holds the batch.
      expect(() => claimBatch(second, batchId)).toThrow(
        `Enrichment batch ${batchId} is already running in this process`,
      );
    } finally {
      other.close();
      services.close();
    }
  });

  it('keeps a cancel asked for while the batch was starting, and drops one an earlier run left', () => {
    const services = testServices();
    try {
      const { importId } = seedImport(services.db, [{ firstName: 'Ann', email: 'ann@a.example', company: 'Alpha Co' }]);
      const { batchId } = services.enrichment.plan({ importId }, 'standard');
      const store = services.enrichment.batches;
      // Cancelled before its runner took it (the worker still starting): the runner's first beat stops it.
      store.requestCancel(batchId);
      store.claim(batchId, () => {});
      expect(store.beat(batchId)).toBe(true);
      store.finish(batchId, 'cancelled');
      // Resumed later: the spent request does not stop the new run.
      store.claim(batchId, () => {});
      expect(store.beat(batchId)).toBe(false);
      // A runner that died with a request pending leaves it behind; the next run does not inherit it.
      store.requestCancel(batchId);
      store.release(batchId);
      store.claim(batchId, () => {});
      expect(store.beat(batchId)).toBe(false);
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
      expect(services.enrichment.status(batchId)).toMatchObject({
        status: 'interrupted',
        running: false,
        companiesFailed: 1,
      });
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
