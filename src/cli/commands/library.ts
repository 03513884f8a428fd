import type { RegisterCommand } from '../shared/register';
import { positiveInt } from '../shared/arguments';

export const registerLibrary: RegisterCommand = (program, context) => {
  const library = program
    .command('library')
    .description('the local research library (the folder set as researchFolder in settings)');
  library
    .command('index')
    .description('index new and changed documents, drop removed ones')
    .action(async () => {
      const summary = await (await context.services()).library.index();
      const warnings = summary.warnings.map((w) => `\nWarning: ${w.path}: ${w.message}`).join('');
      context.print(
        summary,
        () =>
          `Indexed ${summary.folder}: ${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged.${warnings}`,
      );
    });
  library
    .command('search')
    .description('full-text search of the indexed documents')
    .argument('<query>', 'words to find; the first must appear in every hit')
    .option('--limit <n>', 'how many hits', positiveInt('a count'), 10)
    .action(async (query: string, options: { limit: number }) => {
      const hits = (await context.services()).library.search(query, options.limit);
      context.print(hits, () =>
        hits.length === 0
          ? 'No documents match.'
          : hits.map((h, i) => `${i + 1}. ${h.title}  ${h.url}\n   ${h.content}`).join('\n'),
      );
    });
};
