import os from 'node:os';
import type { z } from 'zod';
import type { Db } from '../store/database';
import { UserFacingError } from '../errors';
import { CompanyStore } from '../companies/company-store';
import {
  curatedEntryInputSchema,
  profileInputSchema,
  type CuratedEntryInput,
  type ProfileEntry,
  type ProfileInput,
} from './domain';
import { ProfileStore, type StoredEntry } from './profile-store';

/**
 * Analysts' curated company profiles: what they add wins over what lookups find, in every later lookup and, once
 * `IntelService.recurate` merges it (the report screen, `crm-intel profile` and `intel:profileAdd/Remove` do,
 * the last two through `profile-curation.ts`), in the latest stored report.
 */
export class CuratedProfiles {
  private readonly companies: CompanyStore;
  private readonly profiles: ProfileStore;

  constructor(db: Db) {
    this.companies = new CompanyStore(db);
    this.profiles = new ProfileStore(db);
  }

  /** Adds (or, for the same executive or field, replaces) an entry; a company never looked up is created by name. */
  add(input: ProfileInput): ProfileEntry {
    const { company, ...entry } = valid(profileInputSchema, input);
    const companyId =
      this.companies.find(company)?.id ?? this.companies.upsert({ name: company, domain: null, aliases: [] });
    return this.profiles.put(companyId, stored(entry));
  }

  /**
   * Adds an entry to a stored company (or replaces its entry for the same executive or field), or with `id`
   * changes that entry. An entry of another company is refused, and so is an edit that would make it a
   * second entry for an executive or field the company already has one for.
   */
  save(companyId: number, input: CuratedEntryInput, id?: number): ProfileEntry {
    const entry = stored(valid(curatedEntryInputSchema, input));
    if (id === undefined) return this.profiles.put(companyId, entry);
    this.owned(companyId, id);
    const same = this.profiles.same(companyId, entry);
    if (same && same.id !== id)
      throw new UserFacingError(
        'profile_conflict',
        `${entry.kind === 'executive' ? entry.value : `The ${entry.kind}`} is already curated in entry ${same.id}: edit that one.`,
      );
    this.profiles.change(id, entry);
    return this.profiles.get(id)!;
  }

  /** The curated profile of a company (by id, or name or domain); empty when it has none. */
  list(company: number | string): ProfileEntry[] {
    const companyId = typeof company === 'number' ? company : this.companies.find(company)?.id;
    return companyId === undefined ? [] : this.profiles.list(companyId);
  }

  /** One entry by its id, or null. */
  get(id: number): ProfileEntry | null {
    return this.profiles.get(id);
  }

  /** Removes one entry; false when there was none with that id (or, given a company, none of that company). */
  remove(id: number, companyId?: number): boolean {
    if (companyId !== undefined && this.profiles.get(id)?.companyId !== companyId) return false;
    return this.profiles.remove(id);
  }

  private owned(companyId: number, id: number): void {
    if (this.profiles.get(id)?.companyId !== companyId)
      throw new UserFacingError('not_found', `This company has no curated entry ${id}.`);
  }
}

function valid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new UserFacingError(
      'invalid_profile',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

/** What the store keeps: the title only for an executive, no empty note, the OS user when no curator is named. */
function stored(entry: z.output<typeof curatedEntryInputSchema>): StoredEntry {
  return {
    kind: entry.kind,
    value: entry.value,
    title: entry.kind === 'executive' ? entry.title! : null,
    note: entry.note || null,
    curator: entry.curator ?? defaultCurator(),
  };
}

/** Who curates when the caller does not say: the operating-system user, as the analyst at this machine. */
function defaultCurator(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}
