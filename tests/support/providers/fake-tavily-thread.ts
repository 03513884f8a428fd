import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { startFakeTavily, type FakeTavilyOptions } from './fake-tavily';

/**
 * The fake Tavily in its own worker thread, for benchmarks and for tests that time arrivals: its parsing,
 * JSON building, timers and clock then run on another event loop (as a real remote service's would), not
 * on the loop of the lookup being timed, whose work would otherwise delay when requests are seen.
 * The worker starts through `fake-tavily-worker.mjs` (not named like this module, so that a resolver trying .mjs first still finds this one), which registers tsx in the thread.
 */
export interface FakeTavilyThread {
  baseUrl: string;
  /** How many requests the server has received so far. */
  requestCount(): Promise<number>;
  /** The `/search` requests so far: when each arrived (the server thread's clock) and its body. */
  searches(): Promise<{ receivedAt: number; body: unknown }[]>;
  close(): Promise<void>;
}

export async function startFakeTavilyThread(options: Omit<FakeTavilyOptions, 'faults'>): Promise<FakeTavilyThread> {
  const worker = new Worker(fileURLToPath(new URL('./fake-tavily-worker.mjs', import.meta.url)), {
    workerData: options,
  });
  const ask = (type: string) =>
    new Promise<unknown>((resolve, reject) => {
      const onMessage = (message: { type: string; value: unknown }) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        resolve(message.value);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      if (type !== 'ready') worker.postMessage(type);
    });
  const baseUrl = (await ask('ready')) as string;
  return {
    baseUrl,
    requestCount: async () => (await ask('count')) as number,
    searches: async () => (await ask('searches')) as { receivedAt: number; body: unknown }[],
    close: async () => {
      await ask('closed');
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const server = await startFakeTavily(workerData as FakeTavilyOptions);
  port.on('message', (type: string) => {
    if (type === 'count') port.postMessage({ type, value: server.requests.length });
    if (type === 'searches')
      port.postMessage({ type, value: server.searches().map((r) => ({ receivedAt: r.receivedAt, body: r.body })) });
    if (type === 'closed') void server.close().then(() => port.postMessage({ type, value: null }));
  });
  port.postMessage({ type: 'ready', value: server.baseUrl });
}
