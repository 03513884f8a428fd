import { useState } from 'react';
import type { EventPayload, Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { useCrmEvent } from '../../lib/use-event';
import { useLoad } from '../../lib/use-load';
import { ResearchDepth, type Workflow } from '../../components/ResearchDepth';

type Batch = Response<'enrichment:status'>;
type Progress = EventPayload<'enrichment:progress'>;

const STATUS_TEXT: Record<Batch['status'], string> = {
  pending: 'Not started.',
  running: 'Running.',
  interrupted: 'Stopped when the app closed; resume to look up the rest.',
  completed: 'Every company looked up.',
  partial: 'Finished; some companies failed.',
  cancelled: 'Cancelled; resume to look up the rest.',
};

/** "about 3 min left" from the batch's own pace; null until the first company has finished. */
export function etaText(etaMs: number | null): string {
  if (etaMs === null) return 'estimating the time left…';
  if (etaMs < 60_000) return 'less than a minute left';
  const minutes = Math.round(etaMs / 60_000);
  return minutes < 90 ? `about ${minutes} min left` : `about ${Math.round(minutes / 60)} h left`;
}

/**
 * Looks up the companies of an import (one company report per distinct company) and links its leads to
 * them: start, progress with the time left, cancel, resume, and each failed company with its reason and
 * a retry. The state lives in the database, so it is read back on mount (`enrichment:list`).
 */
export function EnrichCompanies({ importId }: { importId: number }) {
  const loaded = useLoad(() => crm()['enrichment:list']({ importId }), `enrichment:${importId}`);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  /** Between a start (or retry) and its `enrichment:finished`: the returned state predates the worker's claim. */
  const [launched, setLaunched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [workflow, setWorkflow] = useState<Workflow>('standard');
  const [error, setError] = useState<string | null>(null);
  const current = batch ?? loaded.data?.[0] ?? null;

  useCrmEvent('enrichment:progress', (update) => {
    if (update.batchId === current?.batchId) setProgress(update);
  });
  useCrmEvent('enrichment:finished', (summary) => {
    if (summary.batchId !== current?.batchId) return;
    setBatch(summary);
    setProgress(null);
    setLaunched(false);
  });

  const act = async (call: () => Promise<Batch | null>, launches = false) => {
    setBusy(true);
    setError(null);
    try {
      const next = await call();
      if (next) setBatch(next);
      if (launches) {
        setProgress(null);
        setLaunched(true);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(() => crm()['enrichment:start']({ importId, workflow }), true);
  const retry = (batchId: number, companyKey?: string) =>
    act(() => crm()['enrichment:retry']({ batchId, companyKey }), true);
  const cancel = (batchId: number) =>
    act(async () => {
      const { cancelled } = await crm()['enrichment:cancel']({ batchId });
      // Nothing ran it (it ended meanwhile): show the stored state instead.
      return cancelled ? null : crm()['enrichment:status']({ batchId });
    });

  const running = launched || current?.running === true;
  const total = progress?.companiesTotal ?? current?.companiesTotal ?? 0;
  const done = progress?.companiesDone ?? current?.companiesDone ?? 0;
  const failed = progress?.companiesFailed ?? current?.companiesFailed ?? 0;
  const resumable = current !== null && !running && current.companiesPending > 0;

  return (
    <section className="card enrichment" aria-label="Company enrichment">
      <div className="enrichment-line">
        <h2>Companies</h2>
        <p className="muted enrichment-status" role="status">
          {loaded.state === 'loading' && !current
            ? 'Reading…'
            : current === null
              ? 'Look up each distinct company of this import once and link its leads to the report.'
              : running
                ? `${(done + failed).toLocaleString()} of ${total.toLocaleString()} companies looked up${failed ? ` (${failed} failed)` : ''} · ${etaText(progress?.etaMs ?? null)}`
                : `${done.toLocaleString()} of ${total.toLocaleString()} companies looked up${failed ? `, ${failed} failed` : ''}. ${STATUS_TEXT[current.status]}`}
        </p>
        {current === null && loaded.state !== 'loading' && <ResearchDepth value={workflow} onChange={setWorkflow} />}
        {current === null && loaded.state !== 'loading' && (
          <button type="button" className="button-primary" disabled={busy} onClick={() => void start()}>
            Enrich companies
          </button>
        )}
        {resumable && (
          <button type="button" disabled={busy} onClick={() => void start()}>
            Resume enrichment
          </button>
        )}
        {running && current && (
          <button type="button" disabled={busy} onClick={() => void cancel(current.batchId)}>
            Cancel enrichment
          </button>
        )}
      </div>
      {current !== null && (
        <progress className="import-progress" aria-label="Enrichment progress" max={total || 1} value={done + failed} />
      )}
      {loaded.state === 'error' && (
        <p className="field-error" role="alert">
          {loaded.error}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {current && !running && current.failures.length > 0 && (
        <details open>
          <summary>Failed companies ({current.failures.length})</summary>
          <ul className="enrichment-failures" aria-label="Failed companies">
            {current.failures.map((f) => (
              <li key={f.companyKey}>
                <span className="enrichment-company">{f.company}</span>
                <span className="muted">{f.error || 'No reason recorded.'}</span>
                <button
                  type="button"
                  className="button-small"
                  disabled={busy}
                  aria-label={`Retry ${f.company}`}
                  onClick={() => void retry(current.batchId, f.companyKey)}
                >
                  Retry
                </button>
              </li>
            ))}
          </ul>
          {current.failures.length > 1 && (
            <button type="button" className="button-small" disabled={busy} onClick={() => void retry(current.batchId)}>
              Retry all failed
            </button>
          )}
        </details>
      )}
    </section>
  );
}
