import path from 'node:path';
import { main } from './main';

// The built command line's entry (out/cli/bin.js): its job workers run the bundled worker beside it, and
// errors thrown outside `main` (timers, stream events) are reported as its own are.
process.exitCode = await main(process.argv, {
  jobWorkerFile: path.join(import.meta.dirname, 'job-worker.js'),
  owner: process,
});
