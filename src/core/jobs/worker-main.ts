import { parentPort, workerData } from 'node:worker_threads';
import { stackWithCauses, UserFacingError } from '../errors';
import { ProgressFlow } from './progress-flow';
import { abortError } from './protocol';
import type { JobDefinition, JobStart, ParentMessage, SerializedError, WorkerMessage } from './protocol';
import { jobModules, type JobName } from './registry';

/**
 * The entry of every job worker: loads the named job, runs it, relays progress, and stops it when the
 * parent asks to cancel. Run from source (tests) it is loaded through `bootstrap.mjs` (tsx); the Electron
 * build and the built command line bundle it as an entry of their own (`job-worker.js`).
 */
const port = parentPort;
if (!port) throw new Error('worker-main must run in a worker thread');
const { job: name, input, workerFile, progressFlow } = workerData as JobStart;
const flow = progressFlow && new ProgressFlow(progressFlow.window, progressFlow.state);
const controller = new AbortController();
port.on('message', (message: ParentMessage) => {
  if (message.type === 'cancel') controller.abort();
});

const send = (message: WorkerMessage) => port.postMessage(message);

try {
  const loader = jobModules[name as JobName];
  if (!loader) throw new Error(`Unknown job: ${name}`);
  const { job } = (await loader()) as { job: JobDefinition<unknown, unknown, unknown> };
  const progress = (update: unknown) => {
    if (!flow) return send({ type: 'progress', update });
    if (!flow.waitForRoom()) throw abortError();
    progressFlow.port.postMessage(update);
    send({ type: 'progress' });
  };
  const value = await job.run(input, { signal: controller.signal, progress, workerFile });
  send({ type: 'result', value });
} catch (error) {
  send({ type: 'error', error: serializeError(error) });
} finally {
  progressFlow?.port.close();
  port.close();
}

function serializeError(error: unknown): SerializedError {
  if (error instanceof UserFacingError)
    return { name: error.name, message: error.message, code: error.code, stack: stackWithCauses(error) };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: stackWithCauses(error) };
  return { name: 'Error', message: String(error) };
}
