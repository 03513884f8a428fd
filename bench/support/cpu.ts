import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** What a timed run cost in CPU and what the rest of the machine was doing meanwhile. */
export interface RunConditions {
  wallMs: number;
  /** CPU time of this process (all its threads) and of the children it waited for (the sqlite3 shell). */
  cpuMs: number;
  /** `cpuMs` over `wallMs`: 100% is one core busy for the whole run. */
  cpuPercent: number;
  /** Cores left for this run on average: all cores minus what other processes used meanwhile. */
  freeCores: number;
  loadBefore: number;
  loadAfter: number;
}

/** Fewer free cores than this and a ratio says more about the other sessions than about the code. */
export const MIN_FREE_CORES = 1.5;

/** Busy time of every core of the machine, in ms (`os.cpus()` counts per core since boot). */
function machineBusyMs(): number {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** CPU time of waited-for children (fields 16 and 17 of /proc/self/stat, in clock ticks); 0 off Linux. */
function childrenCpuMs(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // Fields after "(comm) " start at field 3; cutime and cstime are fields 16 and 17. Linux ticks are 100 Hz.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000 + childrenCpuMs();
}

/** Where the calling thread's time went (Linux; undefined elsewhere): running, waiting for a core, neither. */
export interface ThreadSchedule {
  onCpuMs: number;
  /** Runnable but waiting for a core: what other processes cost this thread. */
  waitingMs: number;
  /** Neither running nor runnable: waiting for the disk (or asleep). */
  blockedMs: number;
}

/** ns on a CPU and ns waiting on a run queue, for this thread (the first two fields of its schedstat). */
function threadScheduleNs(): [number, number] | undefined {
  try {
    const [onCpu, waiting] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return [onCpu!, waiting!];
  } catch {
    return undefined;
  }
}

/**
 * Runs synchronous, single-threaded `work` (the SQL floor) and splits its wall time into the thread's time on a
 * core, waiting for one, and blocked: a slow run then says whether it computed more, was crowded out, or
 * waited for the disk.
 */
export function withThreadSchedule<T>(work: () => T): { result: T; schedule?: ThreadSchedule } {
  const before = threadScheduleNs();
  const started = performance.now();
  const result = work();
  const wallMs = performance.now() - started;
  const after = threadScheduleNs();
  if (!before || !after) return { result };
  const onCpuMs = (after[0] - before[0]) / 1e6;
  const waitingMs = (after[1] - before[1]) / 1e6;
  return { result, schedule: { onCpuMs, waitingMs, blockedMs: Math.max(0, wallMs - onCpuMs - waitingMs) } };
}

export function describeSchedule({ onCpuMs, waitingMs, blockedMs }: ThreadSchedule): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return `its thread: on a core ${s(onCpuMs)}, waiting for a core ${s(waitingMs)}, blocked (disk) ${s(blockedMs)}`;
}

/** Runs `work` and reports its wall and CPU time beside the machine's load over the same interval. */
export async function withConditions<T>(work: () => T | Promise<T>): Promise<{ result: T; conditions: RunConditions }> {
  const loadBefore = os.loadavg()[0]!;
  const busyBefore = machineBusyMs();
  const cpuBefore = ownCpuMs();
  const started = performance.now();
  const result = await work();
  const wallMs = performance.now() - started;
  const cpuMs = ownCpuMs() - cpuBefore;
  const othersMs = Math.max(0, machineBusyMs() - busyBefore - cpuMs);
  return {
    result,
    conditions: {
      wallMs,
      cpuMs,
      cpuPercent: (100 * cpuMs) / wallMs,
      freeCores: os.cpus().length - othersMs / wallMs,
      loadBefore,
      loadAfter: os.loadavg()[0]!,
    },
  };
}

export function describeConditions(c: RunConditions): string {
  return `cpu ${(c.cpuMs / 1000).toFixed(2)} s (${c.cpuPercent.toFixed(0)}%), free cores ${c.freeCores.toFixed(2)}, load ${c.loadBefore.toFixed(2)} -> ${c.loadAfter.toFixed(2)}`;
}

/** The runs' ratio, or why none is given: a run that had fewer than `MIN_FREE_CORES` cores measured the machine. */
export function ratioOrRefusal(ours: RunConditions, reference: RunConditions): { ratio: number } | { refused: string } {
  const starved = [ours, reference].filter((run) => run.freeCores < MIN_FREE_CORES);
  if (starved.length > 0) {
    return {
      refused: `no ratio: only ${Math.min(...starved.map((run) => run.freeCores)).toFixed(2)} cores were free (needs ${MIN_FREE_CORES}); the machine was busy`,
    };
  }
  return { ratio: ours.wallMs / reference.wallMs };
}
