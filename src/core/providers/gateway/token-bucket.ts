/** Bytes a bucket's state takes in shared memory: a lock and an init flag (int32), tokens and last refill (float64). */
const SHARED_BYTES = 24;

/** Memory for one bucket shared across worker threads: pass it in `workerData` and build a bucket on it in each thread. */
export function sharedBucketMemory(): SharedArrayBuffer {
  return new SharedArrayBuffer(SHARED_BYTES);
}

/** A clock every thread of the process reads alike (each thread's `performance.now()` starts at its own origin). */
const processClock = () => performance.timeOrigin + performance.now();

/**
 * A token bucket per provider: `burst` requests at once, then `requestsPerMinute` on average. Waiters are
 * served first come, first served, and leave the queue when their signal aborts.
 *
 * Built on `sharedBucketMemory()`, buckets in several threads draw on one budget: the tokens and the time of
 * the last refill live in that memory, updated under a spin lock held for a few arithmetic operations.
 * Waiters queue per thread; a thread that finds no token sleeps until one is due and looks again.
 *
 * Hand-written rather than bottleneck: bottleneck cannot drop a queued job on an AbortSignal, and its
 * reservoir refreshes in steps rather than continuously, which costs throughput against a per-minute limit.
 */
export class TokenBucket {
  private readonly lock: Int32Array;
  private readonly state: Float64Array;
  private readonly ratePerMs: number;
  private readonly waiters: {
    resolve: () => void;
    reject: (reason: unknown) => void;
    signal?: AbortSignal;
    onAbort?: () => void;
  }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    requestsPerMinute: number,
    private readonly burst: number,
    memory: SharedArrayBuffer | ArrayBuffer = new ArrayBuffer(SHARED_BYTES),
  ) {
    this.ratePerMs = requestsPerMinute / 60_000;
    // Int32Array over an ArrayBuffer works with Atomics too, so a bucket of one thread runs the same code.
    this.lock = new Int32Array(memory, 0, 2);
    this.state = new Float64Array(memory, 8, 2);
    this.locked(() => {
      if (this.lock[1] === 1) return;
      this.lock[1] = 1;
      this.state[0] = burst;
      this.state[1] = processClock();
    });
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: (typeof this.waiters)[number] = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.drain();
    });
  }

  /** Takes a token if one is there; else the milliseconds until one is due. */
  private take(): number {
    return this.locked(() => {
      const now = processClock();
      const tokens = Math.min(this.burst, this.state[0]! + (now - this.state[1]!) * this.ratePerMs);
      this.state[1] = now;
      if (tokens >= 1) {
        this.state[0] = tokens - 1;
        return 0;
      }
      this.state[0] = tokens;
      return Math.max(1, Math.ceil((1 - tokens) / this.ratePerMs));
    });
  }

  private locked<T>(update: () => T): T {
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0) {
      // Another thread is inside `take` for a few instructions: spin.
    }
    try {
      return update();
    } finally {
      Atomics.store(this.lock, 0, 0);
    }
  }

  private drain(): void {
    while (this.waiters.length > 0) {
      const waitMs = this.take();
      if (waitMs > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.drain();
        }, waitMs);
        return;
      }
      const waiter = this.waiters.shift()!;
      if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
  }
}
