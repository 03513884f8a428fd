import { useState } from 'react';
import type { RunSummary, StepSummary } from '../../../core/intel/domain';
import { Badge, EmptyState } from '../../components/feedback';
import { errorMessage } from '../../lib/crm';
import { formatDuration, RunRows, shortTime } from './RunRows';

const RUN_TONES = {
  running: 'accent',
  completed: 'success',
  partial: 'warning',
  failed: 'danger',
  cancelled: 'neutral',
} as const;
const STEP_TONES = {
  pending: 'neutral',
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  skipped: 'warning',
  cancelled: 'neutral',
} as const;

/** Lookups and batch runs, newest first; each opens to its steps with timings, calls, cache hits and errors. */
export function RunHistory({
  runs,
  onRetry,
}: {
  runs: RunSummary[];
  onRetry: (runId: number, component: string) => Promise<void>;
}) {
  if (runs.length === 0)
    return (
      <EmptyState title="No runs yet">
        Look up a company or enrich an import; every run and its steps are recorded here.
      </EmptyState>
    );
  return (
    <RunRows
      runs={runs}
      label="Runs"
      initiallyOpen={runs[0]?.id ?? null}
      summary={(run) => (
        <>
          <strong>{run.query}</strong>
          <Badge tone={RUN_TONES[run.status]}>{run.status}</Badge>
          {run.stale && <Badge tone="warning">stale cache</Badge>}
          <span className="muted">{run.workflow}</span>
          <span className="spacer" />
          <span className="muted run-numbers">
            {run.providerCalls} calls · {run.cacheHits} cache hits · {shortTime(run.startedAt)}
          </span>
        </>
      )}
      detail={(run) => <Steps run={run} onRetry={onRetry} />}
    />
  );
}

function Steps({ run, onRetry }: { run: RunSummary; onRetry: (runId: number, component: string) => Promise<void> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const retry = async (step: StepSummary) => {
    setBusy(step.component);
    setError(null);
    try {
      await onRetry(run.id, step.component);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <table className="data-table" aria-label={`Steps of ${run.query}`}>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">Time</th>
            <th scope="col">Calls</th>
            <th scope="col">Cache hits</th>
            <th scope="col">Problem</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((step) => (
            <tr key={step.id}>
              <td>{step.component}</td>
              <td>
                <Badge tone={STEP_TONES[step.status]}>{step.status}</Badge>
              </td>
              <td className="numeric">{formatDuration(step.durationMs)}</td>
              <td className="numeric">{step.providerCalls}</td>
              <td className="numeric">{step.cacheHits}</td>
              <td>{step.error ? `${step.error.kind}: ${step.error.message}` : (step.skippedReason ?? '')}</td>
              <td>
                {step.status === 'failed' && (
                  <button
                    type="button"
                    className="button-small"
                    disabled={busy !== null}
                    onClick={() => void retry(step)}
                    aria-label={`Retry ${step.component}`}
                  >
                    {busy === step.component ? 'Retrying…' : 'Retry'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
