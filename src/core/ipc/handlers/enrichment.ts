import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';

type EnrichmentChannel = 'enrichment:start' | 'enrichment:status' | 'enrichment:cancel' | 'enrichment:retry';

/**
 * Enrichment runs for minutes, so `start` and `retry` return at once with the batch's state and the work
 * goes on in a worker, reporting through `enrichment:progress` and `enrichment:finished` events.
 */
export function createEnrichmentHandlers(services: AppServices): { [C in EnrichmentChannel]: Handler<C> } {
  const { enrichment } = services;
  const running = new Map<number, AbortController>();

  const launch = (batchId: number, emit: ((event: string, payload: unknown) => void) | undefined, work: (signal: AbortSignal) => Promise<unknown>) => {
    if (running.has(batchId)) return;
    const controller = new AbortController();
    running.set(batchId, controller);
    void work(controller.signal)
      .catch(() => undefined) // the batch records its own state; status tells the rest
      .finally(() => {
        running.delete(batchId);
        emit?.('enrichment:finished', enrichment.status(batchId));
      });
  };

  return {
    'enrichment:start': ({ importId, leadIds, workflow }, context) => {
      const planned = enrichment.plan(importId !== undefined ? { importId } : { leadIds: leadIds ?? [] }, workflow);
      launch(planned.batchId, context.emit, (signal) => enrichment.run(planned.batchId, { signal, onProgress: (p) => context.emit?.('enrichment:progress', p) }));
      return planned;
    },
    'enrichment:status': ({ batchId }) => ({ ...enrichment.status(batchId), running: running.has(batchId) }),
    'enrichment:cancel': ({ batchId }) => {
      const controller = running.get(batchId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'enrichment:retry': ({ batchId, companyKey }, context) => {
      enrichment.batches.requeueFailed(batchId, companyKey);
      launch(batchId, context.emit, (signal) => enrichment.run(batchId, { signal, onProgress: (p) => context.emit?.('enrichment:progress', p) }));
      return enrichment.status(batchId);
    },
  };
}
