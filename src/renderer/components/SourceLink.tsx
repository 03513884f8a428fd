import type { Source } from '../../core/intel/domain';

/** True for web pages; documents of the local research library (`file://`) are shown as their path. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A source's date as unambiguous ISO `YYYY-MM-DD` (or the coarser `YYYY-MM` / `YYYY` the source gave). */
export function formatDate(iso: string | null): string {
  if (!iso) return 'undated';
  return /^\d{4}-\d{2}-\d{2}T/.test(iso) ? iso.slice(0, 10) : iso;
}

/**
 * A source as title, date and link. Web links are plain anchors: the main process opens any navigation
 * away from the app in the system browser, so the page never loads them itself.
 */
export function SourceLink({ source }: { source: Pick<Source, 'url' | 'publishedDate'> & { title: string | null } }) {
  const title = source.title || source.url;
  return (
    <span className="source">
      {isWebUrl(source.url) ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {title}
        </a>
      ) : (
        <span title={source.url}>{title}</span>
      )}
      <span className="muted"> · {formatDate(source.publishedDate)}</span>
    </span>
  );
}
