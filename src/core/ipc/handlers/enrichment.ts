import type { AppServices } from '../../services/app-services';
import type { Handler, HandlerContext } from '../dispatch';

type EnrichmentChannel =
  'enrichment:start' | 'enrichment:status' | 'enrichment:cancel' | 'enrichment:list' | 'enrichment:retry';

/**
 * Enrichment runs for minutes, so `start` and `retry` return at once with the batch's state and the work
 * goes on in a worker, reporting through `enrichment:progress` and `enrichment:finished` events. Status
 * and cancel go through the database, so they reach a batch wherever it runs (this window's worker, the
 * command line) and still tell the truth after a restart.
 */
export function createEnrichmentHandlers(services: AppServices): { [C in EnrichmentChannel]: Handler<C> } {
  const { enrichment } = services;

  // Resolves once the batch is under way: what keeps it from starting (an unconfirmed base URL) is the call's error.
  const launch = async (batchId: number, context: HandlerContext) => {
    const { finished } = await enrichment.start(batchId, {
      onProgress: (progress) => context.emit?.('enrichment:progress', progress),
    });
    void finished
      .catch(() => undefined) // the batch records its own state; `enrichment:finished` carries it
      .finally(() => context.emit?.('enrichment:finished', enrichment.status(batchId)));
  };

  return {
    'enrichment:start': async ({ importId, leadIds, companyIds, workflow }, context) => {
      const planned = enrichment.plan(
        importId !== undefined ? { importId } : companyIds !== undefined ? { companyIds } : { leadIds: leadIds ?? [] },
        workflow,
      );
      enrichment.assertNotRunning(planned.batchId);
      await launch(planned.batchId, context);
      return planned;
    },
    'enrichment:status': ({ batchId }) => enrichment.status(batchId),
    'enrichment:cancel': ({ batchId }) => ({ cancelled: enrichment.cancel(batchId) }),
    'enrichment:list': ({ importId }) => {
      const batchId = enrichment.batches.latestForImport(importId);
      return batchId === null ? [] : [enrichment.status(batchId)];
    },
    'enrichment:retry': async ({ batchId, companyKey }, context) => {
      enrichment.requeue(batchId, companyKey);
      await launch(batchId, context);
      return enrichment.status(batchId);
    },
  };
}
