import type { RegisterCommand } from '../shared/register';
import { scheduler } from '../shared/watch-services';
import type { Plan, PlanRun, PlanRunStep } from '../../core/schedule/scheduler';
import { describeStep, PLAN_STEPS } from '../../core/schedule/plan-definition';
import { UserFacingError } from '../../core/errors';

function describePlan(plan: Plan): string {
  const trigger =
    'cron' in plan.trigger
      ? `cron "${plan.trigger.cron}"${plan.trigger.timezone ? ` ${plan.trigger.timezone}` : ''}`
      : `every ${plan.trigger.everyHours} h`;
  return `${plan.name}  ${trigger}: ${plan.steps.map(describeStep).join(', ')}${plan.paused ? '  (paused)' : `  next ${plan.nextDueAt}`}`;
}

const describeCounts = (counts: Record<string, number> | null) =>
  Object.entries(counts ?? {})
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');

function describeRun(run: PlanRun): string {
  const counts = describeCounts(run.summary);
  const head = `#${run.id} ${run.startedAt} -> ${run.finishedAt ?? '...'} ${run.status}${run.missed ? ` (${run.missed} missed runs folded in)` : ''}${counts ? `: ${counts}` : ''}${run.error ? `  error: ${run.error}` : ''}`;
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

const runsText = (runs: PlanRun[], none: string) => (runs.length ? runs.map(describeRun).join('\n') : none);

/** `crm-intel plans ...` and `crm-intel schedule run-due`: execution plans and their log. */
export const registerPlans: RegisterCommand = (program, context) => {
  const plans = program
    .command('plans')
    .description('execution plans: steps (refresh the watch list) on a cron or every-N-hours trigger');
  plans
    .command('add <name>')
    .description('add a plan; an every-N-hours plan is due at once, a cron plan at its next time')
    .option('--cron <expression>', 'minute hour day-of-month month day-of-week, e.g. "0 9 * * 1-5"')
    .option('--timezone <zone>', 'the time zone of --cron (default: this computer’s)')
    .option('--every-hours <n>', 'run every N hours', Number)
    .option(
      '--steps <steps...>',
      `what it runs, in order: ${PLAN_STEPS.join(', ')} (enrich-import=IMPORT_ID, export-drafts=FOLDER)`,
      ['refresh-watches'],
    )
    .action(
      async (name: string, options: { cron?: string; timezone?: string; everyHours?: number; steps: string[] }) => {
        if (Boolean(options.cron) === (options.everyHours !== undefined))
          throw new UserFacingError('invalid_plan', 'Give the plan one trigger: --cron EXPRESSION or --every-hours N.');
        const trigger = options.cron
          ? { cron: options.cron, ...(options.timezone ? { timezone: options.timezone } : {}) }
          : { everyHours: options.everyHours };
        const added = (await scheduler(context)).add({ name, trigger, steps: options.steps.map(parseStep) });
        context.print(added, () => `Added plan ${describePlan(added)}.`);
      },
    );
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
    .description('run a plan now, due or not')
    .action(async (name: string) => {
      const run = await (await scheduler(context)).runNow(name);
      if (!run)
        throw new UserFacingError(
          'plan_busy',
          `Plan ${name} is running in another process; try again when it finishes.`,
        );
      context.print(run, () => describeRun(run));
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
    .description('run every plan that is due, once (plans the app is running are left to it)')
    .action(async () => {
      const runs = await (await scheduler(context)).runDue();
      context.print(runs, () => runsText(runs, 'No plan is due.'));
    });
};
