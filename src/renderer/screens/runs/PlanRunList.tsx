import type { PlanRunView } from '../../../core/ipc/channels/plans';
import { Badge, EmptyState } from '../../components/feedback';
import { formatDuration, RunRows, shortTime } from './RunRows';

const STATUS_TONES = {
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  interrupted: 'warning',
  cancelled: 'neutral',
} as const;

type PlanRunStepView = PlanRunView['steps'][number];

const elapsed = (from: string, to: string | null) =>
  formatDuration(to === null ? null : new Date(to).getTime() - new Date(from).getTime());

/** What started the run: its schedule (with the runs it caught up on), the analyst, or which alerts. */
function triggerText(run: PlanRunView): string {
  if (run.trigger === 'manual') return 'run by hand';
  if (run.trigger === 'alerts') return `${run.alertIds.length} new alert${run.alertIds.length === 1 ? '' : 's'}`;
  return run.missed ? `scheduled, ${run.missed} missed runs folded in` : 'scheduled';
}

const countsText = (counts: Record<string, number> | null) =>
  Object.entries(counts ?? {})
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');

/** Plan runs, newest first: what started each, how it ended, and its steps with their log. */
export function PlanRunList({ runs }: { runs: PlanRunView[] }) {
  if (runs.length === 0)
    return (
      <EmptyState title="No plan runs yet">
        Plans run on a schedule or when alerts arrive (add one under Plans); each run and its steps appear here.
      </EmptyState>
    );
  return (
    <RunRows
      runs={runs}
      label="Plan runs"
      initiallyOpen={runs.find((r) => r.status !== 'completed')?.id ?? null}
      summary={(run) => (
        <>
          <strong>{run.planName}</strong>
          <Badge tone={STATUS_TONES[run.status]}>{run.status}</Badge>
          <span className="muted">{triggerText(run)}</span>
          <span className="spacer" />
          <span className="muted run-numbers">
            {elapsed(run.startedAt, run.finishedAt)} · {shortTime(run.startedAt)}
          </span>
        </>
      )}
      detail={(run) => <RunDetail run={run} />}
    />
  );
}

function RunDetail({ run }: { run: PlanRunView }) {
  return (
    <>
      {run.error && (
        <p className="field-error run-error" role="alert">
          {run.error}
        </p>
      )}
      <table className="data-table plan-steps" aria-label={`Steps of ${run.planName} run ${run.id}`}>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Time</th>
            <th scope="col">Counts</th>
            <th scope="col" className="numeric">
              Calls
            </th>
            <th scope="col" className="numeric">
              Credits
            </th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {run.steps.map((step: PlanRunStepView, position) => (
            <tr key={position}>
              <td>{step.step}</td>
              <td>
                <Badge tone={STATUS_TONES[step.status]}>{step.status}</Badge>
              </td>
              <td>{shortTime(step.startedAt)}</td>
              <td className="numeric">{elapsed(step.startedAt, step.finishedAt)}</td>
              <td>{countsText(step.counts)}</td>
              <td className="numeric">{step.providerCalls}</td>
              <td className="numeric">{step.credits}</td>
              <td>{step.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
