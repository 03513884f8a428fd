import type { RegisterCommand } from '../shared/register';
import { parseId } from '../shared/arguments';

export const registerImports: RegisterCommand = (program, context) => {
  const imports = program.command('imports').description('list and undo lead imports');
  imports
    .command('list')
    .description('every import, newest first, with its counts and status')
    .action(async () => {
      const list = (await context.services()).leads.listImports();
      context.print(list, () =>
        list.length === 0
          ? 'No imports yet.'
          : list
              .map(
                (i) =>
                  `${String(i.id).padStart(4)}  ${i.startedAt}  ${i.status.padEnd(9)}  ${i.rowsTotal} rows: ${i.imported} imported, ${i.duplicates} duplicates, ${i.rejected} rejected  ${i.fileName}`,
              )
              .join('\n'),
      );
    });
  imports
    .command('undo')
    .description('remove an import’s leads, and the contacts and companies only it created')
    .argument('<id>', 'the import id (see `imports list`)', parseId)
    .action(async (id: number) => {
      const result = (await context.services()).leads.undoImport(id);
      context.print(
        result,
        () =>
          `Import ${id} undone: ${result.leadsRemoved} leads, ${result.contactsRemoved} contacts and ${result.companiesRemoved} companies removed.`,
      );
    });
};
