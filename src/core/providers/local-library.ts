import type { ResearchLibrary } from '../research/library';
import type { CallOptions, ProviderResult, SearchProvider, SearchRequest, SearchResponse } from './types';

/**
 * The local research library as a search provider: no key, no network; the folder is re-indexed
 * incrementally once per process (files it cannot read are left out; `crm-intel library index` names them).
 */
export class LocalLibraryProvider implements SearchProvider {
  readonly id = 'library';
  readonly remote = false;
  /** Parallel steps search at once: they share one indexing of the folder. */
  private indexed: Promise<unknown> | undefined;

  constructor(
    private readonly library: ResearchLibrary,
    private readonly folder: string,
  ) {}

  async search(request: SearchRequest, call: CallOptions = {}): Promise<ProviderResult<SearchResponse>> {
    const started = performance.now();
    if (call.signal?.aborted)
      return {
        ok: false,
        error: { kind: 'cancelled', message: 'Cancelled.' },
        meta: { provider: this.id, latencyMs: 0 },
      };
    try {
      this.indexed ??= this.library.index(this.folder).catch((error: unknown) => {
        this.indexed = undefined; // a folder that was missing may be there on the next search
        throw error;
      });
      await this.indexed;
      const results = this.library.search(request.query, request.maxResults ?? 5, request.includeRawContent ?? false);
      return {
        ok: true,
        data: { query: request.query, results },
        meta: { provider: this.id, latencyMs: performance.now() - started, cached: false, credits: 0 },
      };
    } catch (error) {
      return {
        ok: false,
        error: {
          kind: 'bad_request',
          message: error instanceof Error ? error.message : 'The research library could not be read.',
        },
        meta: { provider: this.id, latencyMs: performance.now() - started },
      };
    }
  }
}
