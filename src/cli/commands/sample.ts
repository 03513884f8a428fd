import type { RegisterCommand } from '../shared/register';

export const registerSample: RegisterCommand = (program, context) => {
  const sample = program
    .command('sample')
    .description('sample data about a fictional company, to try lookups, imports and drafts before any key is set');
  sample
    .command('use')
    .description('make the sample research folder the research folder and index it')
    .action(async () => {
      const used = await (await context.services()).setup.useSample();
      context.print(used, () =>
        [
          `${used.label}.`,
          `Research folder set to ${used.researchFolder}: ${used.indexed.added + used.indexed.updated + used.indexed.unchanged} sample documents indexed.`,
          'Try:',
          `  crm-intel lookup "${used.company}"`,
          `  crm-intel import "${used.leadsFile}"`,
          '  crm-intel settings set sender.name "Your Name"   (drafts need a sender)',
          '  crm-intel draft --import ID                    (ID: the number the import prints)',
          'Set your own folder later with crm-intel settings set researchFolder DIR.',
        ].join('\n'),
      );
    });
};
