import os from 'node:os';
import type { Db } from '../store/database';
import { UserFacingError } from '../errors';
import { CompanyStore } from '../companies/company-store';
import { profileInputSchema, type ProfileEntry, type ProfileInput } from './domain';
import { ProfileStore } from './profile-store';

/** Analysts' curated company profiles: what they add wins over what lookups find, from the next lookup on. */
export class CuratedProfiles {
  private readonly companies: CompanyStore;
  private readonly profiles: ProfileStore;

  constructor(db: Db) {
    this.companies = new CompanyStore(db);
    this.profiles = new ProfileStore(db);
  }

  /** Adds (or, for the same executive or field, replaces) an entry; a company never looked up is created by name. */
  add(input: ProfileInput): ProfileEntry {
    const parsed = profileInputSchema.safeParse(input);
    if (!parsed.success)
      throw new UserFacingError(
        'invalid_profile',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; '),
      );
    const { company, kind, value, title, note, curator } = parsed.data;
    const companyId =
      this.companies.find(company)?.id ?? this.companies.upsert({ name: company, domain: null, aliases: [] });
    return this.profiles.put(companyId, {
      kind,
      value,
      title: kind === 'executive' ? title! : null,
      note: note || null,
      curator: curator ?? defaultCurator(),
    });
  }

  /** The curated profile of a company (by id, or name or domain); empty when it has none. */
  list(company: number | string): ProfileEntry[] {
    const companyId = typeof company === 'number' ? company : this.companies.find(company)?.id;
    return companyId === undefined ? [] : this.profiles.list(companyId);
  }

  /** Removes one entry; false when there was none with that id. */
  remove(id: number): boolean {
    return this.profiles.remove(id);
  }
}

/** Who curates when the caller does not say: the operating-system user, as the analyst at this machine. */
function defaultCurator(): string {
  try {
    return os.userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}
