import type { RegisterCommand } from '../shared/register';
import { scheduler } from '../shared/watch-services';
import { planBusy } from '../../core/schedule/scheduler';
import type { Plan, PlanRun, PlanRunStep } from '../../core/schedule/plan-store';
import { describeStep, describeTrigger, PLAN_STEPS, type PlanTrigger } from '../../core/schedule/plan-definition';
import { ALERT_KINDS } from '../../core/watch/alert-diff';
import { UserFacingError } from '../../core/errors';
import { cancelOnCtrlC } from '../shared/ctrl-c';

function describePlan(plan: Plan): string {
  const when = plan.paused ? '  (paused)' : 'alertKinds' in plan.trigger ? '' : `  next ${plan.nextDueAt}`;
  return `${plan.name}  ${describeTrigger(plan.trigger)}: ${plan.steps.map(describeStep).join(', ')}${when}`;
}

/** How a run started, when not by its schedule: by hand, or by which alerts. */
function describeRunTrigger(run: PlanRun): string {
  if (run.trigger === 'manual') return ' (run by hand)';
  if (run.trigger === 'alerts')
    return ` (started by ${run.alertIds.length} alert${run.alertIds.length === 1 ? '' : 's'}: #${run.alertIds.join(', #')})`;
  return '';
}

const describeCounts = (counts: Record<string, number> | null) =>
  Object.entries(counts ?? {})
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');

function describeRun(run: PlanRun): string {
  const counts = describeCounts(run.summary);
  const head = `#${run.id} ${run.startedAt} -> ${run.finishedAt ?? '...'} ${run.status}${describeRunTrigger(run)}${run.missed ? ` (${run.missed} missed runs folded in)` : ''}${counts ? `: ${counts}` : ''}${run.error ? `  error: ${run.error}` : ''}`;
  return [head, ...(run.steps.length > 1 || run.steps.some((s) => s.error) ? run.steps.map(describeStepRun) : [])].join(
    '\n',
  );
}

/** A step's line under its run, shown when the run had several steps or one failed. */
function describeStepRun(step: PlanRunStep): string {
  const counts = describeCounts(step.counts);
  return `    ${step.step} ${step.startedAt} -> ${step.finishedAt ?? '...'} ${step.status}${counts ? `: ${counts}` : ''}${step.error ? `  error: ${step.error}` : ''}`;
}

/** `--steps` words: a bare step name, or `enrich-import=ID` / `export-drafts=FOLDER` with the step's option. */
function parseStep(word: string): unknown {
  const [step, value] = word.split(/=(.*)/s) as [string, string | undefined];
  if (value === undefined) return step;
  if (step === 'enrich-import') return { step, importId: Number(value) };
  if (step === 'export-drafts') return { step, folder: value };
  return { step };
}

interface AddOptions {
  cron?: string;
  timezone?: string;
  everyHours?: number;
  onAlert?: string[];
  companies?: string[];
  steps?: string[];
}

/** The one trigger the options give; the plan's schema checks its values. */
function triggerOf(options: AddOptions): unknown {
  const given = [options.cron !== undefined, options.everyHours !== undefined, options.onAlert !== undefined];
  if (given.filter(Boolean).length !== 1)
    throw new UserFacingError(
      'invalid_plan',
      'Give the plan one trigger: --cron EXPRESSION, --every-hours N or --on-alert KIND...',
    );
  if (options.companies && !options.onAlert)
    throw new UserFacingError('invalid_plan', '--companies goes with --on-alert.');
  if (options.cron) return { cron: options.cron, ...(options.timezone ? { timezone: options.timezone } : {}) };
  if (options.onAlert)
    return { alertKinds: options.onAlert, ...(options.companies ? { companies: options.companies } : {}) };
  return { everyHours: options.everyHours };
}

/**
 * `plans edit`: a trigger option of the plan's own kind changes that field alone (`--timezone` keeps the cron,
 * `--companies` the alert kinds); one of another kind replaces the trigger, as `plans add` would build it.
 */
function editedTrigger(trigger: PlanTrigger, options: AddOptions): unknown {
  const kinds = [options.cron !== undefined, options.everyHours !== undefined, options.onAlert !== undefined];
  if (kinds.filter(Boolean).length > 1) return triggerOf(options);
  if ('cron' in trigger && options.everyHours === undefined && options.onAlert === undefined && !options.companies)
    return {
      ...trigger,
      ...(options.cron ? { cron: options.cron } : {}),
      ...(options.timezone ? { timezone: options.timezone } : {}),
    };
  if ('alertKinds' in trigger && options.cron === undefined && options.everyHours === undefined && !options.timezone)
    return {
      ...trigger,
      ...(options.onAlert ? { alertKinds: options.onAlert } : {}),
      ...(options.companies ? { companies: options.companies } : {}),
    };
  if (!kinds.some(Boolean)) {
    if (options.timezone) throw new UserFacingError('invalid_plan', '--timezone goes with --cron.');
    if (options.companies) throw new UserFacingError('invalid_plan', '--companies goes with --on-alert.');
    return trigger;
  }
  return triggerOf(options);
}

function stepsOf(options: AddOptions): unknown[] {
  if (options.steps) return options.steps.map(parseStep);
  if (options.onAlert)
    throw new UserFacingError(
      'invalid_plan',
      'Say what a plan started by alerts runs: --steps notify draft-alerts ...',
    );
  return ['refresh-watches'];
}

const runsText = (runs: PlanRun[], none: string) => (runs.length ? runs.map(describeRun).join('\n') : none);

/** `crm-intel plans ...` and `crm-intel schedule run-due`: execution plans and their log. */
export const registerPlans: RegisterCommand = (program, context) => {
  const plans = program
    .command('plans')
    .description('execution plans: steps (refresh the watch list) on a cron, every-N-hours or alert trigger');
  plans
    .command('add <name>')
    .description(
      'add a plan; an every-N-hours plan is due at once, a cron plan at its next time, an alert plan when such an alert is raised',
    )
    .option('--cron <expression>', 'minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5"')
    .option('--timezone <zone>', 'the time zone of --cron (default: this computer’s)')
    .option('--every-hours <n>', 'run every N hours', Number)
    .option('--on-alert <kinds...>', `run when a watch refresh raises one of these alerts: ${ALERT_KINDS.join(', ')}`)
    .option('--companies <names...>', 'with --on-alert: only alerts at these companies (as watched)')
    .option(
      '--steps <steps...>',
      `what it runs, in order: ${PLAN_STEPS.join(', ')} (enrich-import=IMPORT_ID, export-drafts=FOLDER); refresh-watches when not given, except with --on-alert`,
    )
    .action(async (name: string, options: AddOptions) => {
      const added = (await scheduler(context)).add({ name, trigger: triggerOf(options), steps: stepsOf(options) });
      context.print(added, () => `Added plan ${describePlan(added)}.`);
    });
  plans
    .command('edit <name>')
    .description(
      'change a plan: only the options given change; its log, pause and (with the same trigger) next run are kept',
    )
    .option('--cron <expression>', 'a cron trigger, or the new expression of the plan’s')
    .option('--timezone <zone>', 'the time zone of the cron trigger')
    .option('--every-hours <n>', 'run every N hours instead', Number)
    .option('--on-alert <kinds...>', `run on these alerts instead: ${ALERT_KINDS.join(', ')}`)
    .option('--companies <names...>', 'an alert trigger: only alerts at these companies (as watched)')
    .option('--steps <steps...>', `what it runs, in order, in place of its steps: ${PLAN_STEPS.join(', ')}`)
    .option('--rename <new-name>', 'a new name; the plan keeps its log, pause and next run')
    .action(async (name: string, options: AddOptions & { rename?: string }) => {
      const plans = await scheduler(context);
      const plan = plans.plan(name);
      const edited = plans.edit(name, {
        name: options.rename ?? name,
        trigger: editedTrigger(plan.trigger, options),
        steps: options.steps ? options.steps.map(parseStep) : plan.steps,
      });
      const renamed = edited.name === name ? '' : ` (was ${name})`;
      context.print(edited, () => `Edited plan ${describePlan(edited)}${renamed}.`);
    });
  plans
    .command('list')
    .description('every plan, its trigger and next run')
    .action(async () => {
      const all = (await scheduler(context)).list();
      context.print(all, () =>
        all.length ? all.map(describePlan).join('\n') : 'No plans (crm-intel plans add NAME --every-hours 24).',
      );
    });
  plans
    .command('run <name>')
    .description('run a plan now, due or not; Ctrl-C cancels the run (logged as cancelled)')
    .action(async (name: string) => {
      const plans = await scheduler(context);
      const run = await cancelOnCtrlC(
        (signal) => plans.runNow(name, signal),
        () => context.progress(`Cancelling plan ${name} (Ctrl-C again to stop at once)...`),
      );
      if (!run) throw planBusy(name);
      context.print(run, () => describeRun(run));
      if (run.status === 'cancelled') process.exitCode = 130;
    });
  plans
    .command('cancel <name>')
    .description('cancel the plan’s run in progress, in the app or another crm-intel (logged as cancelled)')
    .action(async (name: string) => {
      // This process runs no plan: the run is another's, which stops it at its next check-in.
      (await scheduler(context)).cancel(name);
      context.print(
        { cancelling: name },
        () =>
          `Asked the process running plan ${name} to stop it; it stops within seconds (crm-intel plans log ${name}).`,
      );
    });
  for (const [command, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    plans
      .command(`${command} <name>`)
      .description(paused ? 'stop a plan from running on its trigger' : 'let a paused plan run on its trigger again')
      .action(async (name: string) => {
        const plan = (await scheduler(context)).setPaused(name, paused);
        context.print(plan, () => describePlan(plan));
      });
  }
  plans
    .command('remove <name>')
    .description('remove a plan and its log')
    .action(async (name: string) => {
      (await scheduler(context)).remove(name);
      context.print({ removed: name }, () => `Removed plan ${name}.`);
    });
  plans
    .command('log <name>')
    .description(
      'the plan’s latest runs and their steps: start, end, status, counts (provider calls, credits) and error',
    )
    .action(async (name: string) => {
      const runs = (await scheduler(context)).log(name);
      context.print(runs, () => runsText(runs, `Plan ${name} has not run yet.`));
    });

  program
    .command('schedule')
    .description('drive the scheduler from cron, a systemd timer or Task Scheduler on a machine without the app')
    .command('run-due')
    .description(
      'run every plan that is due, once (plans the app is running are left to it); Ctrl-C cancels the run in progress',
    )
    .action(async () => {
      const plans = await scheduler(context);
      const runs = await cancelOnCtrlC(
        (signal) => plans.runDue(signal),
        () => context.progress('Cancelling the plan running now; later plans wait for the next run-due...'),
      );
      context.print(runs, () => runsText(runs, 'No plan is due.'));
      if (runs.some((run) => run.status === 'cancelled')) process.exitCode = 130;
    });
};
