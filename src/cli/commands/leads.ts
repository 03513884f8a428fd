import path from 'node:path';
import type { RegisterCommand } from '../shared/register';
import { parseId } from '../shared/arguments';
import { UserFacingError } from '../../core/errors';

export const registerLeads: RegisterCommand = (program, context) => {
  const leads = program.command('leads').description('export leads');
  leads
    .command('export')
    .description('write leads (or an import’s rejected rows) to a CSV file that Excel opens safely')
    .requiredOption('--out <file>', 'the CSV file to write')
    .option('--rejected', 'export the rejected rows of an import, with why, to fix and import again')
    .option('--import <id>', 'only this import (with --rejected: default the latest import)', parseId)
    .action(async (options: { out: string; rejected?: boolean; import?: number }) => {
      const { leads: service } = await context.services();
      const out = path.resolve(options.out);
      if (options.rejected) {
        const importId = options.import ?? service.listImports()[0]?.id;
        if (importId === undefined) throw new UserFacingError('no_imports', 'There are no imports, so no rejected rows to export.');
        const result = await service.exportRejected(importId, out);
        context.print({ ...result, importId }, () => `${result.rows} rejected rows of import ${importId} written to ${out}.`);
        return;
      }
      const result = await service.exportLeads(out, { importId: options.import });
      context.print(result, () => `${result.rows} leads written to ${out}.`);
    });
};
