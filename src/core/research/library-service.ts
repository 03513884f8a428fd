import fs from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors';
import type { Settings } from '../settings/schema';
import type { LibraryIndexSummary } from '../intel/domain';
import { documentUrl, type IndexOptions, type LibraryPassage, type ResearchLibrary } from './library';
import { isLibraryDocument, isPdf } from './documents';

/** A library document the system may open: its real path, and its URL (at the page, for a PDF page). */
export interface DocumentToOpen {
  path: string;
  page: number | null;
  url: string;
}

/** The research library as the app and the command line use it: the folder from settings, errors in the analyst's words. */
export class ResearchLibraryService {
  constructor(
    private readonly library: ResearchLibrary,
    private readonly settings: () => Settings,
  ) {}

  /** Re-indexes the research folder from settings (incrementally); throws when no folder is set. */
  async index(options: IndexOptions = {}): Promise<LibraryIndexSummary> {
    const folder = this.folder();
    try {
      return { folder, ...(await this.library.index(folder, options)) };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new UserFacingError('research_folder_unreadable', (error as Error).message);
    }
  }

  /** Searches the indexed library (no network, no key): each hit's file, page and marked passage. */
  search(query: string, limit = 10): LibraryPassage[] {
    return this.library.passages(query, limit);
  }

  /**
   * The document behind a search hit, checked before the system opens it (a page may run a hostile
   * script, and opening an executable runs it): the path must be a document the library indexed, of a kind
   * it indexes, and still inside the research folder once links are resolved.
   */
  documentToOpen(file: string, page: number | null): DocumentToOpen {
    const refused = new UserFacingError(
      'not_in_library',
      'Only documents indexed from the research folder can be opened from here.',
    );
    if (!path.isAbsolute(file) || !this.library.has(file)) throw refused;
    let real: string;
    let folder: string;
    try {
      real = fs.realpathSync(file);
      folder = fs.realpathSync(this.folder());
    } catch {
      throw new UserFacingError('document_missing', `${file} is no longer there: index the folder again.`);
    }
    const inside = path.relative(folder, real);
    if (!inside || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) throw refused;
    if (!isLibraryDocument(real)) throw refused;
    const at = page !== null && isPdf(real) ? page : null;
    return { path: real, page: at, url: documentUrl(real, at) };
  }

  private folder(): string {
    const folder = this.settings().researchFolder;
    if (!folder)
      throw new UserFacingError(
        'no_research_folder',
        'No research folder is set: choose one under Settings in the app, or run crm-intel settings set researchFolder DIR.',
      );
    return folder;
  }
}
