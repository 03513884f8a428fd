import type { Draft } from '../../../core/outreach/draft-schema';
import type { Response } from '../../../core/ipc/contract';
import { isWebUrl, SourceLink } from '../../components/SourceLink';
import { useLoad } from '../../lib/use-load';

export type DraftSource = Response<'drafts:get'>['sources'][number];

/** The company facts a draft states, each with its source's title, date and link (`drafts:get`). */
export function DraftFacts({
  draft,
  loadSources,
}: {
  draft: Draft;
  loadSources: (id: number) => Promise<DraftSource[]>;
}) {
  const sources = useLoad(() => loadSources(draft.id), `${draft.id}:${draft.updatedAt}`);
  const byUrl = new Map((sources.data ?? []).map((s) => [s.url, s]));
  return (
    <aside className="card draft-facts" aria-label="Facts used">
      <h2>Facts used</h2>
      {draft.facts.length === 0 ? (
        <p className="muted">
          This draft states no company facts; it uses only the lead’s own row and your sender profile.
        </p>
      ) : (
        <ol className="fact-list">
          {draft.facts.map((f) => {
            const source = byUrl.get(f.sourceUrl);
            return (
              <li key={f.id}>
                {f.text}
                <span className="fact-source">
                  {source ? (
                    <SourceLink source={source} />
                  ) : sources.state === 'loading' ? (
                    <span className="muted">Reading the source…</span>
                  ) : isWebUrl(f.sourceUrl) ? (
                    <a href={f.sourceUrl} target="_blank" rel="noopener noreferrer">
                      {f.sourceUrl}
                    </a>
                  ) : (
                    <span className="muted">{f.sourceUrl}</span>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
}
