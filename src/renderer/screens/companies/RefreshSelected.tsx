import { useState } from 'react';
import type { EventPayload, Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { useCrmEvent } from '../../lib/use-event';
import { ResearchDepth, type Workflow } from '../../components/ResearchDepth';
import { etaText } from '../leads/EnrichCompanies';

type Batch = Response<'enrichment:status'>;
type Progress = EventPayload<'enrichment:progress'>;

/**
 * Looks up (or refreshes) the ticked companies as one enrichment batch: the same runner, worker and rate
 * limits as an import's enrichment, with progress, the time left, cancel, and the failures with their reason.
 */
export function RefreshSelected({ companyIds, onFinished }: { companyIds: number[]; onFinished: () => void }) {
  const [batch, setBatch] = useState<Batch | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [workflow, setWorkflow] = useState<Workflow>('standard');
  const [error, setError] = useState<string | null>(null);

  useCrmEvent('enrichment:progress', (update) => {
    if (update.batchId === batch?.batchId) setProgress(update);
  });
  useCrmEvent('enrichment:finished', (summary) => {
    if (summary.batchId !== batch?.batchId) return;
    setBatch(summary);
    setProgress(null);
    setRunning(false);
    onFinished();
  });

  const start = async () => {
    setError(null);
    try {
      const started = await crm()['enrichment:start']({ companyIds, workflow });
      setBatch(started);
      setProgress(null);
      setRunning(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const cancel = async (batchId: number) => {
    try {
      const { cancelled } = await crm()['enrichment:cancel']({ batchId });
      if (!cancelled) {
        setBatch(await crm()['enrichment:status']({ batchId }));
        setRunning(false);
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const total = progress?.companiesTotal ?? batch?.companiesTotal ?? 0;
  const done = progress?.companiesDone ?? batch?.companiesDone ?? 0;
  const failed = progress?.companiesFailed ?? batch?.companiesFailed ?? 0;
  return (
    <section className="card enrichment" aria-label="Look up selected companies">
      <div className="enrichment-line">
        <p className="muted enrichment-status" role="status">
          {running
            ? `${(done + failed).toLocaleString()} of ${total.toLocaleString()} companies looked up${failed ? ` (${failed} failed)` : ''} · ${etaText(progress?.etaMs ?? null)}`
            : batch
              ? `${done.toLocaleString()} of ${total.toLocaleString()} companies looked up${failed ? `, ${failed} failed` : ''}${batch.status === 'cancelled' ? '; cancelled' : ''}.`
              : companyIds.length
                ? `${companyIds.length.toLocaleString()} selected.`
                : 'Tick companies to look them up, or refresh their reports, in one batch.'}
        </p>
        {!running && (
          <>
            <ResearchDepth value={workflow} onChange={setWorkflow} />
            <button
              type="button"
              className="button-primary"
              disabled={companyIds.length === 0}
              onClick={() => void start()}
            >
              Look up / refresh {companyIds.length.toLocaleString()} selected
            </button>
          </>
        )}
        {running && batch && (
          <button type="button" onClick={() => void cancel(batch.batchId)}>
            Cancel lookups
          </button>
        )}
      </div>
      {batch && (
        <progress className="import-progress" aria-label="Lookup progress" max={total || 1} value={done + failed} />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {batch && !running && batch.failures.length > 0 && (
        <ul className="enrichment-failures" aria-label="Failed companies">
          {batch.failures.map((f) => (
            <li key={f.companyKey}>
              <span className="enrichment-company">{f.company}</span>
              <span className="muted">{f.error || 'No reason recorded.'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
