import { useState } from 'react';
import type { Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { EmptyState } from '../../components/feedback';
import { formatDate } from '../../components/SourceLink';

type Hit = Response<'intel:librarySearch'>[number];

/** Full-text search of the indexed documents: each hit's passage with the matched words marked, and Open. */
export function LibrarySearch() {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [note, setNote] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const search = async () => {
    setNote(null);
    try {
      setHits(await crm()['intel:librarySearch']({ query, limit: 50 }));
    } catch (error) {
      setNote({ tone: 'error', text: errorMessage(error) });
    }
  };
  const open = async (hit: Hit) => {
    setNote(null);
    try {
      const opened = await crm()['intel:libraryOpen']({ path: hit.path, page: hit.page });
      setNote({ tone: 'ok', text: `Opened ${opened.path}${opened.page ? ` at page ${opened.page}` : ''}.` });
    } catch (error) {
      setNote({ tone: 'error', text: errorMessage(error) });
    }
  };

  return (
    <section className="card library-search" aria-label="Search the library">
      <form
        className="search-row library-search-row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void search();
        }}
      >
        <input
          aria-label="Search the library"
          placeholder="A company, a person, a topic… (the first word must appear)"
          value={query}
          maxLength={500}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button-primary" disabled={!query.trim()}>
          Search
        </button>
      </form>
      <p
        className={note?.tone === 'error' ? 'field-error' : 'muted'}
        role={note?.tone === 'error' ? 'alert' : 'status'}
      >
        {note?.text ?? ''}
      </p>
      {hits?.length === 0 && (
        <EmptyState title="No documents match">
          Every hit must contain the first word; try another, or index the folder again if you added documents.
        </EmptyState>
      )}
      {hits && hits.length > 0 && (
        <ol className="library-hits" aria-label="Library hits">
          {hits.map((hit) => (
            <li key={hit.url} className="library-hit">
              <div className="library-hit-head">
                <strong>{hit.title}</strong>
                <span className="muted">
                  {fileName(hit.path)}
                  {hit.page !== null && ` · page ${hit.page}`} · {formatDate(hit.publishedDate)}
                </span>
                <button type="button" className="button-small" onClick={() => void open(hit)}>
                  {hit.page !== null ? `Open at page ${hit.page}` : 'Open'}
                </button>
              </div>
              <p className="library-passage">
                {hit.passage.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;
