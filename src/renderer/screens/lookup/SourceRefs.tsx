import type { Source } from '../../../core/intel/domain';
import { isWebUrl } from '../../components/SourceLink';

/** Superscript-style numbered references [1][3] to a report's sources, each a link with the title as tooltip. */
export function SourceRefs({ urls, sources }: { urls: string[]; sources: Map<string, Source> }) {
  if (urls.length === 0) return null;
  return (
    <span className="source-refs">
      {urls.map((url) => {
        const source = sources.get(url);
        const label = source ? `[${source.id}]` : '[?]';
        const title = source ? `${source.title} (${source.publishedDate ?? 'undated'})` : url;
        return isWebUrl(url) ? (
          <a
            key={url}
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            title={title}
            aria-label={`Source: ${title}`}
          >
            {label}
          </a>
        ) : (
          <span key={url} title={title}>
            {label}
          </span>
        );
      })}
    </span>
  );
}
