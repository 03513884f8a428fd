import type { CuratedProfiles } from './curated-profiles';
import type { IntelService, ProfileEntry, ProfileInput } from './domain';

type Curation = { intel: Pick<IntelService, 'latestReport' | 'recurate'>; profiles: CuratedProfiles };

/** The latest stored report an edit was merged into; null when the company has no report yet. */
export type MergedReport = { runId: number; company: string } | null;

/**
 * Adds a curated entry by company name or domain and merges the profile into the company's latest stored
 * report (`IntelService.recurate`, no provider call), so reports and drafts read the change at once: what
 * `crm-intel profile add` and `intel:profileAdd` do.
 */
export function addCurated(curation: Curation, input: ProfileInput): { entry: ProfileEntry; merged: MergedReport } {
  const entry = curation.profiles.add(input);
  return { entry, merged: recurateLatest(curation, entry.companyId) };
}

/** Removes a curated entry and merges the profile as it now is likewise; `removed` is false when there was none. */
export function removeCurated(curation: Curation, id: number): { removed: boolean; merged: MergedReport } {
  const entry = curation.profiles.get(id);
  if (!entry || !curation.profiles.remove(id)) return { removed: false, merged: null };
  return { removed: true, merged: recurateLatest(curation, entry.companyId) };
}

function recurateLatest({ intel }: Curation, companyId: number): MergedReport {
  const latest = intel.latestReport(companyId);
  if (!latest) return null;
  const report = intel.recurate(latest.run.id);
  return { runId: report.run.id, company: report.company.name };
}
