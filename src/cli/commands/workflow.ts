import type { RegisterCommand } from '../shared/register';
import type { CliContext } from '../context';
import { WorkflowCatalog } from '../../core/intel/workflow-catalog';
import type { WorkflowDefinition } from '../../core/intel/workflow-definition';
import { runLookup } from '../shared/lookups';
import { UserFacingError } from '../../core/errors';
import { watchServiceFor } from '../../core/schedule/app-scheduler';

async function catalog(context: CliContext): Promise<WorkflowCatalog> {
  const services = await context.services();
  return new WorkflowCatalog(services.db, services.effectiveSettings);
}

function describeStep(step: WorkflowDefinition['steps'][number]): string {
  const options = Object.entries(step.options).map(([key, value]) => `${key}=${value}`);
  return [`  ${step.component}`, step.dependsOn.length ? `after ${step.dependsOn.join(', ')}` : '', options.join(' ')]
    .filter(Boolean)
    .join('  ');
}

/** `crm-intel workflow list|show|run|add|remove`: built-in and analysts' own workflows. */
export const registerWorkflow: RegisterCommand = (program, context) => {
  const workflow = program
    .command('workflow')
    .description('list, show, run and add lookup workflows (which components run, with which options)');
  workflow
    .command('list')
    .description('every workflow, built-in and yours')
    .action(async () => {
      const all = (await catalog(context)).list();
      context.print(all, () =>
        all
          .map(
            (w) =>
              `${w.name}${w.builtin ? ' (built-in)' : ''}: ${w.steps.map((s) => s.component).join(', ')}${w.description ? ` - ${w.description}` : ''}`,
          )
          .join('\n'),
      );
    });
  workflow
    .command('show <name>')
    .description('one workflow’s steps, dependencies and options')
    .action(async (name: string) => {
      const found = (await catalog(context)).get(name);
      context.print(found, () =>
        [`${found.name}${found.description ? ` - ${found.description}` : ''}`, ...found.steps.map(describeStep)].join(
          '\n',
        ),
      );
    });
  workflow
    .command('run <name>')
    .description('look a company up with this workflow (the same report as lookup)')
    .requiredOption('--company <name>', 'the company to research')
    .option('--refresh', 're-fetch instead of using cached responses')
    .action((name: string, options: { company: string; refresh?: boolean }) =>
      runLookup(context, options.company, { workflow: name, refresh: options.refresh }),
    );
  workflow
    .command('add <file>')
    .description(
      'add (or replace) a workflow from a JSON file: {"name", "description", "steps": [{"component", "dependsOn", "options"}]}',
    )
    .action(async (file: string) => {
      const added = (await catalog(context)).addFile(file);
      context.print(added, () => `Saved workflow ${added.name}: ${added.steps.map((s) => s.component).join(', ')}.`);
    });
  workflow
    .command('remove <name>')
    .description('remove one of your workflows')
    .action(async (name: string) => {
      if (!watchServiceFor(await context.services()).removeWorkflow(name))
        throw new UserFacingError('not_found', `No workflow of yours named ${name}.`);
      context.print({ removed: name }, () => `Removed workflow ${name}.`);
    });
};
