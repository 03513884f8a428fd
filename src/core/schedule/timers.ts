/** Timers a scheduler sets: real ones in a process, ones the test fires by hand under a fake clock. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Node's timers, not keeping the process alive on their own (a CLI run ends when its work does). */
export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Calls `callback` every `ms` until the returned function is called. */
export function every(timers: Timers, ms: number, callback: () => void): () => void {
  let stopped = false;
  let handle: unknown;
  const arm = () => {
    handle = timers.set(() => {
      if (stopped) return;
      callback();
      arm();
    }, ms);
  };
  arm();
  return () => {
    stopped = true;
    timers.clear(handle);
  };
}
