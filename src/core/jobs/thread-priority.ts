import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Lowers the calling thread's scheduling priority (nice 10) on Linux, where each thread has its own: a job's
 * threads then yield the cores to the thread that started them (the Electron main process) whenever both want
 * one, so a busy import does not delay it. The thread's id comes from `/proc/thread-self`, read synchronously
 * so that this thread, not one of libuv's, reads it. Elsewhere, or when it cannot be done, nothing changes.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    os.setPriority(threadId, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // A sandbox without /proc, or a priority already lower: the job runs as it is.
  }
}
