import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { planChannels, PlanInput } from '../channels/plans';
import type { FileTokens } from '../file-tokens';
import type { Notifier } from '../../notify/notifier';
import { schedulerFor } from '../../schedule/app-scheduler';
import { planBusy, type PlanSave, type Scheduler } from '../../schedule/scheduler';
import { nextRunOf, type Plan } from '../../schedule/plan-store';
import { UserFacingError } from '../../errors';

type PlanChannel = keyof typeof planChannels;

/** A plan as the channels show it, with its run in progress if any (`Scheduler.runningNow`). */
const view = (plan: Plan, running: ReturnType<Scheduler['runningNow']>) => {
  const run = running.find((r) => r.planId === plan.id);
  return {
    ...plan,
    nextDueAt: nextRunOf(plan),
    running: run
      ? {
          runId: run.runId,
          startedAt: run.startedAt,
          trigger: run.trigger,
          here: run.here,
          owner: run.owner,
          cancelRequested: run.cancelRequestedAt !== null,
        }
      : null,
  };
};

/**
 * The plan channels over the process's services and the same `Scheduler` as `crm-intel plans`: the app passes
 * the one its loop runs, so "Cancel" reaches scheduled runs too; otherwise one of their own, whose `notifier`
 * (the app's desktop notifications) hears of refreshes a plan run by hand found something in.
 */
export function createPlanHandlers(
  services: AppServices,
  files: FileTokens,
  options: { scheduler?: Scheduler; notifier?: Notifier } = {},
): { [C in PlanChannel]: Handler<C> } {
  const scheduler = options.scheduler ?? schedulerFor(services, `ipc:${process.pid}`, { notifier: options.notifier });
  return planHandlers(scheduler, files);
}

/** The plan channels over one scheduler. */
export function planHandlers(scheduler: Scheduler, files: FileTokens): { [C in PlanChannel]: Handler<C> } {
  /**
   * Main writes only to folders picked in its own dialog: an export step's folder is a token, or the folder
   * the plan being edited has already. A folder that is neither comes back as a problem at that step.
   */
  const withFolders = (plan: PlanInput, existing: string | undefined): PlanSave | PlanInput => {
    const kept = new Set(
      existing === undefined ? [] : scheduler.plan(existing).steps.map((s) => 'folder' in s && s.folder),
    );
    const steps = [];
    for (const [index, step] of plan.steps.entries()) {
      if (step.step !== 'export-drafts' || !step.folder || kept.has(step.folder)) steps.push(step);
      else {
        try {
          steps.push({ ...step, folder: files.resolve(step.folder, 'folder') });
        } catch (error) {
          if (!(error instanceof UserFacingError)) throw error;
          return { ok: false, issues: [{ field: `steps[${index}].folder`, message: error.message }] };
        }
      }
    }
    return { ...plan, steps };
  };

  return {
    'plans:runs': ({ limit }) => scheduler.recent(limit),
    'plans:list': () => {
      const running = scheduler.runningNow();
      return scheduler.list().map((plan) => view(plan, running));
    },
    'plans:save': ({ plan, existing }) => {
      const input = withFolders(plan, existing);
      const saved = 'ok' in input ? input : scheduler.save(input, existing);
      return saved.ok ? { ok: true, plan: view(saved.plan, scheduler.runningNow()) } : saved;
    },
    'plans:setPaused': ({ name, paused }) => view(scheduler.setPaused(name, paused), scheduler.runningNow()),
    'plans:remove': ({ name }) => {
      scheduler.remove(name);
      return { removed: name };
    },
    'plans:run': async ({ name }) => {
      const run = await scheduler.runNow(name);
      if (!run) throw planBusy(name);
      return run;
    },
    'plans:cancel': ({ name }) => ({ cancelling: name, elsewhere: scheduler.cancel(name) === 'elsewhere' }),
  };
}
