import { UserFacingError } from '../errors';
import type { Settings } from '../settings/schema';
import type { LibraryHit, LibraryIndexSummary } from '../intel/domain';
import type { ResearchLibrary } from './library';

/** The research library as the app and the command line use it: the folder from settings, errors in the analyst's words. */
export class ResearchLibraryService {
  constructor(
    private readonly library: ResearchLibrary,
    private readonly settings: () => Settings,
  ) {}

  /** Re-indexes the research folder from settings (incrementally); throws when no folder is set. */
  async index(): Promise<LibraryIndexSummary> {
    const folder = this.settings().researchFolder;
    if (!folder)
      throw new UserFacingError(
        'no_research_folder',
        'No research folder is set: choose one under Settings in the app, or run crm-intel settings set researchFolder DIR.',
      );
    try {
      return { folder, ...(await this.library.index(folder)) };
    } catch (error) {
      throw new UserFacingError('research_folder_unreadable', (error as Error).message);
    }
  }

  /** Searches the indexed library (no network, no key). */
  search(query: string, limit = 10): LibraryHit[] {
    return this.library
      .search(query, limit, false)
      .map(({ url, title, content, publishedDate, score }) => ({ url, title, content, publishedDate, score }));
  }
}
