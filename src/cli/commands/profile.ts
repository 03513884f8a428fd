import type { RegisterCommand } from '../shared/register';
import type { AppServices } from '../../core/services/app-services';
import { PROFILE_KINDS, type ProfileEntry } from '../../core/intel/domain';
import { UserFacingError } from '../../core/errors';
import { oneOf, positiveInt } from '../shared/arguments';

/** The kinds an analyst curates with --field; executives have options of their own. */
const OVERVIEW_FIELDS = PROFILE_KINDS.filter(
  (kind): kind is Exclude<ProfileEntry['kind'], 'executive'> => kind !== 'executive',
);

function entryLine(entry: ProfileEntry): string {
  const what =
    entry.kind === 'executive' ? `executive: ${entry.value}, ${entry.title}` : `${entry.kind}: ${entry.value}`;
  return `${String(entry.id).padStart(4)}  ${what}  (curated by ${entry.curator}, ${entry.updatedAt.slice(0, 10)})${entry.note ? `  "${entry.note}"` : ''}`;
}

/**
 * Merges the company's profile as it is now into its latest stored report, as the report screen does after an
 * edit (`IntelService.recurate`, no provider call), so the next `report` or draft reads the change at once.
 */
function recurateLatest(services: AppServices, companyId: number): { runId: number; company: string } | null {
  const latest = services.intel.latestReport(companyId);
  if (!latest) return null;
  const report = services.intel.recurate(latest.run.id);
  return { runId: report.run.id, company: report.company.name };
}

function mergedLine(merged: { runId: number; company: string } | null): string {
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
        const entry = services.profiles.add(
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
        const merged = recurateLatest(services, entry.companyId);
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
      const entry = services.profiles.get(id);
      if (!entry || !services.profiles.remove(id))
        throw new UserFacingError('not_found', `There is no profile entry ${id}.`);
      const merged = recurateLatest(services, entry.companyId);
      context.print({ removed: true, recuratedRunId: merged?.runId ?? null }, () =>
        [`Profile entry ${id} removed.`, mergedLine(merged)].join('\n'),
      );
    });
};
