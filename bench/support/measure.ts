import { performance } from 'node:perf_hooks';

/**
 * Samples this process's resident set size while `work` runs; returns the peak in MB with the result, and
 * the size when it started (what the process held before: the peak's part that is not the work's).
 */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
  intervalMs = 20,
): Promise<{ result: T; peakRssMb: number; startRssMb: number; wallMs: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      result,
      peakRssMb: peak / 1024 / 1024,
      startRssMb: start / 1024 / 1024,
      wallMs: performance.now() - started,
    };
  } finally {
    clearInterval(timer);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One result line: what was measured, the value, and its ratio to the reference with the goal. */
export function report(label: string, value: string, ratio?: { value: number; goal: string }): void {
  console.log(
    `${label.padEnd(52)} ${value.padStart(14)}${ratio ? `   ratio ${ratio.value.toFixed(3)} (goal ${ratio.goal})` : ''}`,
  );
}
