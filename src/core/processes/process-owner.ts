import fs from 'node:fs';

/** A process that owns work (a lookup, an enrichment batch): its pid and when it started (ms since the epoch), so a reused pid is not mistaken for it. */
export interface ProcessOwner {
  pid: number;
  startedAt: number;
}

/**
 * Two readings of one process's start differ by clock rounding (Linux: btime in whole seconds, ticks of
 * 10 ms; elsewhere process.uptime()); a different process with the same pid started later than this.
 */
const SAME_START_MS = 1000;

/**
 * When a process started. On Linux from /proc (the kernel's record, readable for any pid); elsewhere only for
 * this process, from its uptime. Both are process-wide, so worker threads of one process agree.
 */
export function processStartedAt(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(command name)": state is field 3, starttime (clock ticks after boot) field 22.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1]);
    // USER_HZ is 100 on every Linux build that matters; both readings use it, so they agree regardless.
    if (Number.isFinite(ticks) && Number.isFinite(bootSeconds)) return bootSeconds * 1000 + ticks * 10;
  } catch {
    // not Linux, or the process is gone
  }
  return pid === process.pid ? Math.round(Date.now() - process.uptime() * 1000) : null;
}

let current: ProcessOwner | undefined;

export function thisProcess(): ProcessOwner {
  current ??= { pid: process.pid, startedAt: processStartedAt(process.pid) ?? Date.now() };
  return current;
}

/**
 * True only when the owner certainly no longer runs: no process has its pid, or the one that has it started
 * at another time (a restart that got the same pid, common in containers). When in doubt (a live pid whose
 * start cannot be read, as on macOS and Windows) the owner counts as alive: a live run is never taken away.
 */
export function ownerIsGone(owner: ProcessOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return true; // kill(0 or less) would signal a process group
  const self = thisProcess();
  if (owner.pid === self.pid) return Math.abs(owner.startedAt - self.startedAt) > SAME_START_MS;
  if (!processExists(owner.pid)) return true;
  const start = processStartedAt(owner.pid);
  return start !== null && Math.abs(start - owner.startedAt) > SAME_START_MS;
}

/** A runner beats every half second or so; one silent this long is gone (a crash, a kill, a frozen thread). */
const HEARTBEAT_STALE_AFTER_MS = 10_000;

/** A runner that shows it is alive by beating (an enrichment batch's): its pid and its last beat (ms since the epoch). */
export interface BeatingRunner {
  pid: number | null;
  beatAt: number | null;
}

/** A beating runner is alive while its process exists and its heartbeat is recent. */
export function runnerIsAlive(runner: BeatingRunner): boolean {
  if (runner.pid === null || runner.beatAt === null || Date.now() - runner.beatAt > HEARTBEAT_STALE_AFTER_MS)
    return false;
  return runner.pid === process.pid || processExists(runner.pid);
}

/** Whether a process with this pid exists, whoever it belongs to (EPERM: it does, under another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
