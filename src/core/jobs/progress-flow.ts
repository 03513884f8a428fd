/**
 * Flow control of a job's progress when it streams results (parsed rows) faster than the parent can take
 * them: the worker waits while `window` updates are unhandled, so neither side's memory grows with the
 * input. The count lives in shared memory, so the worker can wait synchronously (`Atomics.wait`), from
 * inside a parser's callback that cannot be paused.
 */
const UNHANDLED = 0;
const CANCELLED = 1;

export class ProgressFlow {
  private readonly counters: Int32Array;

  constructor(
    readonly window: number,
    readonly state = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.counters = new Int32Array(state);
  }

  /** Worker side, before posting an update: waits for room; false once the parent cancelled. */
  waitForRoom(): boolean {
    for (;;) {
      if (Atomics.load(this.counters, CANCELLED) === 1) return false;
      const unhandled = Atomics.load(this.counters, UNHANDLED);
      if (unhandled < this.window) break;
      Atomics.wait(this.counters, UNHANDLED, unhandled);
    }
    Atomics.add(this.counters, UNHANDLED, 1);
    return true;
  }

  /** Parent side, after handling an update. */
  handled(): void {
    Atomics.sub(this.counters, UNHANDLED, 1);
    Atomics.notify(this.counters, UNHANDLED);
  }

  /** Parent side: wakes a waiting worker, whose next update then fails. */
  cancel(): void {
    Atomics.store(this.counters, CANCELLED, 1);
    Atomics.notify(this.counters, UNHANDLED);
  }
}
