import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/core/jobs/runner';
import { previewTable } from '../../src/core/leads/read/open-table';
import { tempDir } from '../support/temp-dir';

/** Nice value of each thread of this process (field 19 of /proc/self/task/TID/stat, after the command's parentheses). */
function niceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const task of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      values.set(Number(task), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return values;
}

/**
 * Job threads yield the cores to the thread that started them (the app's main process): on Linux they run at
 * nice 10. Checked while a real job's thread is alive: it waits for room to send its next batch while this
 * thread looks.
 */
describe.runIf(process.platform === 'linux')('job threads run below the calling thread’s priority', () => {
  it('a lead file read in a job worker runs at nice 10, and the calling thread stays at its own', async () => {
    const file = path.join(tempDir(), 'leads.csv');
    fs.writeFileSync(file, `First Name,Email,Company\n${Array.from({ length: 5000 }, (_, i) => `Ann${i},ann${i}@acme.example,Acme`).join('\n')}\n`);
    const { layout } = await previewTable(file);
    const ownNice = niceValues().get(Number(path.basename(fs.readlinkSync('/proc/thread-self'))));
    const seen: number[][] = [];
    await new JobRunner().run('leads.normalise', { file, layout, targets: ['firstName', 'email', 'company'], phoneRegion: 'US' }, {
      progressWindow: 1,
      onProgress: () => seen.push([...niceValues().values()]),
    });
    expect(seen.length).toBeGreaterThan(0);
    // While the job ran, some thread of this process ran at nice 10 (its worker), and this one did not move.
    expect(seen.every((nices) => nices.includes(10))).toBe(true);
    expect(niceValues().get(Number(path.basename(fs.readlinkSync('/proc/thread-self'))))).toBe(ownNice);
    expect(ownNice).not.toBe(10);
  });
});
