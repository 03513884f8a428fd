import type { RegisterCommand } from '../shared/register';
import { PROFILE_KINDS, type ProfileEntry } from '../../core/intel/domain';
import { UserFacingError } from '../../core/errors';
import { oneOf, positiveInt } from '../shared/arguments';
import { addCurated, removeCurated, type MergedReport } from '../../core/intel/profile-curation';

/** The kinds an analyst curates with --field; executives have options of their own. */
const OVERVIEW_FIELDS = PROFILE_KINDS.filter(
  (kind): kind is Exclude<ProfileEntry['kind'], 'executive'> => kind !== 'executive',
);

function entryLine(entry: ProfileEntry): string {
  const what =
    entry.kind === 'executive' ? `executive: ${entry.value}, ${entry.title}` : `${entry.kind}: ${entry.value}`;
  return `${String(entry.id).padStart(4)}  ${what}  (curated by ${entry.curator}, ${entry.updatedAt.slice(0, 10)})${entry.note ? `  "${entry.note}"` : ''}`;
}

function mergedLine(merged: MergedReport): string {
  return merged
    ? `Merged into the latest report of ${merged.company} (run ${merged.runId}).`
    : 'The company has no stored report yet: its first lookup shows this.';
}

export const registerProfile: RegisterCommand = (program, context) => {
  const profile = program
    .command('profile')
    .description('analyst-curated company profiles: they win over found facts on conflict');
  profile
    .command('add')
    .description(
      'curate a decision maker (--executive NAME --title TITLE) or an overview field (--field NAME --value VALUE)',
    )
    .argument('<company>', 'company name or domain')
    .option('--executive <name>', 'a decision maker to add, or whose title to correct')
    .option('--title <title>', "the executive's title")
    .option('--field <name>', `an overview field: ${OVERVIEW_FIELDS.join(', ')}`, oneOf(OVERVIEW_FIELDS, 'field'))
    .option('--value <value>', "the field's value")
    .option('--note <text>', 'where you learned it (quoted as the evidence)')
    .option('--by <name>', 'who curates (default: your user name)')
    .action(
      async (
        company: string,
        options: {
          executive?: string;
          title?: string;
          field?: Exclude<ProfileEntry['kind'], 'executive'>;
          value?: string;
          note?: string;
          by?: string;
        },
      ) => {
        if (Boolean(options.executive) === Boolean(options.field))
          throw new UserFacingError(
            'invalid_option',
            'Give either --executive NAME --title TITLE or --field NAME --value VALUE.',
          );
        const services = await context.services();
        const { entry, merged } = addCurated(
          services,
          options.executive
            ? {
                company,
                kind: 'executive',
                value: options.executive,
                title: options.title,
                note: options.note,
                curator: options.by,
              }
            : { company, kind: options.field!, value: options.value ?? '', note: options.note, curator: options.by },
        );
        context.print({ ...entry, recuratedRunId: merged?.runId ?? null }, () =>
          [`Curated: ${entryLine(entry).trim()}`, mergedLine(merged)].join('\n'),
        );
      },
    );
  profile
    .command('list')
    .description("a company's curated entries")
    .argument('<company>', 'company name or domain')
    .action(async (company: string) => {
      const entries = (await context.services()).profiles.list(company);
      context.print(entries, () =>
        entries.length === 0 ? `No curated profile for "${company}".` : entries.map(entryLine).join('\n'),
      );
    });
  profile
    .command('remove')
    .description('remove one curated entry')
    .argument('<id>', 'the entry id (see `profile list`)', positiveInt('an entry id'))
    .action(async (id: number) => {
      const services = await context.services();
      const { removed, merged } = removeCurated(services, id);
      if (!removed) throw new UserFacingError('not_found', `There is no profile entry ${id}.`);
      context.print({ removed: true, recuratedRunId: merged?.runId ?? null }, () =>
        [`Profile entry ${id} removed.`, mergedLine(merged)].join('\n'),
      );
    });
};
