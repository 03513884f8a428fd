import { useEffect, useId, useRef, useState } from 'react';
import type { PlanView } from '../../../core/ipc/channels/plans';
import { describeStep, describeTrigger } from '../../../core/schedule/plan-definition';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { Badge, ErrorBanner, Skeleton } from '../../components/feedback';
import { ListActions } from '../../components/editor-parts';
import { PlanForm } from './PlanForm';
import { formatRunTime, NEW_PLAN, toDraft, type PlanDraft } from './plan-draft';

function nextRunText(plan: PlanView): string {
  if (plan.running) return 'running now';
  if (plan.paused) return 'paused';
  if (plan.nextDueAt) return formatRunTime(new Date(plan.nextDueAt));
  return 'alertKinds' in plan.trigger ? 'on alerts' : 'never again';
}

/** How often the panel asks which plans run: often while one runs (to see it end), else to see one start. */
const POLL_RUNNING_MS = 2_000;
const POLL_IDLE_MS = 20_000;

const TRIGGER_WORDS = { schedule: 'scheduled', manual: 'run by hand', alerts: 'started by alerts' } as const;

/** A run in progress, as its row says it: how it started, in which process, since when. */
function runningText(running: NonNullable<PlanView['running']>): string {
  const where = running.here ? '' : running.owner.startsWith('cli:') ? ' in crm-intel' : ' in another process';
  const since = formatRunTime(new Date(running.startedAt)).slice(-5);
  return `Running (${TRIGGER_WORDS[running.trigger]})${where} since ${since}`;
}

/**
 * Execution plans beside their runs: add, edit, pause or resume, run now, delete. `onRan` hears of a run
 * started here, so the plan runs below can show it.
 */
export function PlansPanel({ onRan }: { onRan: () => void }) {
  const plans = useLoad(() => crm()['plans:list']({}), 'plans');
  const imports = useLoad(() => crm()['imports:list'](), 'plan-imports');
  const [editing, setEditing] = useState<{ draft: PlanDraft; existing?: string } | null>(null);
  /** The plan an action waits on (by id: a plan renamed meanwhile stays the same one); `run` while it runs now. */
  const [busy, setBusy] = useState<{ id: number; run: boolean } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const data = plans.data;
  const reload = plans.reload;
  /** The plans running at the last look: one that is no longer has a run to show below. */
  const runningIds = useRef(new Set<number>());
  const onRanRef = useRef(onRan);
  onRanRef.current = onRan;

  // Plans on their trigger start and end on their own, here or in crm-intel: the panel looks again on a timer.
  useEffect(() => {
    if (!data) return;
    const now = new Set(data.filter((p) => p.running).map((p) => p.id));
    if ([...runningIds.current].some((id) => !now.has(id))) onRanRef.current();
    runningIds.current = now;
    const timer = setTimeout(reload, now.size > 0 ? POLL_RUNNING_MS : POLL_IDLE_MS);
    return () => clearTimeout(timer);
  }, [data, reload]);

  const act = async (plan: PlanView, action: () => Promise<string>, run = false) => {
    setBusy({ id: plan.id, run });
    setError(null);
    setStatus(null);
    try {
      setStatus(await action());
      plans.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
      setCancelling(false);
    }
  };
  const runNow = (plan: PlanView) =>
    act(
      plan,
      async () => {
        const run = await crm()['plans:run']({ name: plan.name });
        onRan();
        return run.status === 'cancelled'
          ? `Cancelled plan ${run.planName}. ${run.error ?? ''}.`
          : `Ran plan ${run.planName}: ${run.status}${run.error ? ` (${run.error})` : ''}.`;
      },
      true,
    );
  // The run's own call answers when it has stopped; a refusal (it ended meanwhile) shows as an error.
  const cancel = async (name: string) => {
    setCancelling(true);
    try {
      await crm()['plans:cancel']({ name });
    } catch (e) {
      setCancelling(false);
      setError(errorMessage(e));
    }
  };
  // A run on its trigger (or started elsewhere): the panel sees it end on its next look.
  const cancelRunning = async (plan: PlanView) => {
    setError(null);
    try {
      const { elsewhere } = await crm()['plans:cancel']({ name: plan.name });
      setStatus(
        elsewhere
          ? `Asked the process running plan ${plan.name} to stop it.`
          : `Cancelling the run of plan ${plan.name}.`,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
    reload();
  };
  const setPaused = (plan: PlanView, paused: boolean) =>
    act(plan, async () => {
      await crm()['plans:setPaused']({ name: plan.name, paused });
      return paused ? `Paused plan ${plan.name}.` : `Resumed plan ${plan.name}.`;
    });
  const remove = (plan: PlanView) =>
    act(plan, async () => {
      setDeleting(null);
      await crm()['plans:remove']({ name: plan.name });
      return `Deleted plan ${plan.name} and its log.`;
    });

  // Editing stays open while the plan runs: a run reads the stored plan again when it ends.
  const editButton = (plan: PlanView) => (
    <button
      type="button"
      className="button-small"
      aria-label={`Edit ${plan.name}`}
      onClick={() => setEditing({ draft: toDraft(plan), existing: plan.name })}
    >
      Edit
    </button>
  );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Plans</h2>
      <p className="muted">
        What runs on its own while the app is open: on a cron schedule, every few hours, or when watched companies raise
        alerts. <code>crm-intel schedule run-due</code> runs the same plans when the app is closed.
      </p>
      {plans.state === 'error' && <ErrorBanner message={plans.error} onRetry={plans.reload} />}
      {!plans.data && plans.state === 'loading' && <Skeleton lines={2} label="Loading plans" />}
      {plans.data && plans.data.length === 0 && <p className="muted">No plans yet: add one with New plan.</p>}
      {plans.data && plans.data.length > 0 && (
        <table className="data-table" aria-label="Plans">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">When</th>
              <th scope="col">Steps</th>
              <th scope="col">Next run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {plans.data.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <strong>{plan.name}</strong> {plan.paused && <Badge tone="warning">paused</Badge>}{' '}
                  {plan.running && <Badge tone="accent">running</Badge>}
                </td>
                <td>{describeTrigger(plan.trigger)}</td>
                <td>{plan.steps.map(describeStep).join(', ')}</td>
                <td>{nextRunText(plan)}</td>
                <td className="workflow-actions">
                  {deleting === plan.name ? (
                    <>
                      <span>Delete {plan.name} and its log?</span>{' '}
                      <button type="button" className="button-small" onClick={() => void remove(plan)}>
                        Delete
                      </button>
                      <button type="button" className="button-small" onClick={() => setDeleting(null)}>
                        Keep
                      </button>
                    </>
                  ) : busy?.id === plan.id && busy.run ? (
                    <>
                      <span role="status" aria-label={`${plan.name} run`}>
                        {cancelling ? 'Cancelling…' : 'Running…'}
                      </span>{' '}
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Cancel the run of ${plan.name}`}
                        disabled={cancelling}
                        onClick={() => void cancel(plan.name)}
                      >
                        Cancel run
                      </button>
                      {editButton(plan)}
                    </>
                  ) : plan.running ? (
                    <>
                      <span role="status" aria-label={`${plan.name} run`}>
                        {plan.running.cancelRequested ? 'Cancelling…' : runningText(plan.running)}
                      </span>{' '}
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Cancel the run of ${plan.name}`}
                        disabled={plan.running.cancelRequested}
                        onClick={() => void cancelRunning(plan)}
                      >
                        Cancel run
                      </button>
                      {editButton(plan)}
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Run ${plan.name} now`}
                        disabled={busy !== null}
                        onClick={() => void runNow(plan)}
                      >
                        Run now
                      </button>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`${plan.paused ? 'Resume' : 'Pause'} ${plan.name}`}
                        disabled={busy !== null}
                        onClick={() => void setPaused(plan, !plan.paused)}
                      >
                        {plan.paused ? 'Resume' : 'Pause'}
                      </button>
                      {editButton(plan)}
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Delete ${plan.name}`}
                        disabled={busy !== null}
                        onClick={() => setDeleting(plan.name)}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListActions
        newLabel="New plan"
        onNew={() => setEditing({ draft: NEW_PLAN })}
        status={status}
        statusLabel="Plans status"
        error={error}
      />
      {editing && (
        <PlanForm
          key={editing.existing ?? ''}
          initial={editing.draft}
          existing={editing.existing}
          imports={imports.data ?? []}
          onCancel={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setStatus(`Saved plan ${name}.`);
            plans.reload();
          }}
        />
      )}
    </section>
  );
}
