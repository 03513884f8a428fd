import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket, sharedBucketMemory } from '../../src/core/providers/gateway/token-bucket';

/** Which of `promises` have settled, by index, after pending callbacks ran. */
async function settled(promises: Promise<unknown>[]): Promise<number[]> {
  const done: number[] = [];
  promises.forEach((p, i) =>
    p.then(
      () => done.push(i),
      () => done.push(i),
    ),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done.sort((a, b) => a - b);
}

describe('TokenBucket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a burst through at once, then one request per 60,000 / requestsPerMinute ms', async () => {
    const bucket = new TokenBucket(60, 3); // one token a second
    const calls = Array.from({ length: 5 }, () => bucket.acquire());
    expect(await settled(calls)).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(calls)).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(calls)).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled(calls)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refills while idle, never above the burst', async () => {
    const bucket = new TokenBucket(60, 2);
    await Promise.all([bucket.acquire(), bucket.acquire()]);
    await vi.advanceTimersByTimeAsync(60_000);
    const calls = [bucket.acquire(), bucket.acquire(), bucket.acquire()];
    expect(await settled(calls)).toEqual([0, 1]);
  });

  it('serves waiters first come, first served', async () => {
    const bucket = new TokenBucket(60, 1);
    await bucket.acquire();
    const order: string[] = [];
    const waiting = ['a', 'b', 'c'].map((name) => bucket.acquire().then(() => order.push(name)));
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(waiting);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('drops a waiter whose signal aborts, with the signal’s reason; the next waiter gets its token', async () => {
    const bucket = new TokenBucket(60, 1);
    await bucket.acquire();
    const controller = new AbortController();
    const cancelled = bucket.acquire(controller.signal);
    const next = bucket.acquire();
    const reason = new Error('step cancelled');
    controller.abort(reason);
    await expect(cancelled).rejects.toBe(reason);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await settled([next])).toEqual([0]);
  });

  it('refuses at once when the signal is already aborted, and takes no token', async () => {
    const bucket = new TokenBucket(60, 1);
    await expect(bucket.acquire(AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
    expect(await settled([bucket.acquire()])).toEqual([0]);
  });

  it('shares one budget between buckets on the same shared memory (as worker threads do)', async () => {
    const memory = sharedBucketMemory();
    const first = new TokenBucket(60, 2, memory);
    const second = new TokenBucket(60, 2, memory); // a second bucket does not reset the shared state
    const calls = [first.acquire(), second.acquire(), first.acquire(), second.acquire()];
    expect(await settled(calls)).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await settled(calls)).length).toBe(3);
    // Separate memory: separate budgets.
    const own = new TokenBucket(60, 2);
    expect(await settled([own.acquire(), own.acquire()])).toEqual([0, 1]);
  });
});
