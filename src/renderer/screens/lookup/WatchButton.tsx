import { useState } from 'react';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { describeEvery } from '../../../core/watch/interval';
import { WatchInterval } from '../../components/WatchInterval';

/** Watch the report's company (refreshed on an interval, changes become alerts), or stop watching it. */
export function WatchButton({ company, workflow }: { company: { id: number | null; name: string }; workflow: string }) {
  const watches = useLoad(() => crm()['watch:list']({}), 'watches');
  const [every, setEvery] = useState('1d');
  const [error, setError] = useState<string | null>(null);
  const current = watches.data?.find(
    (w) => (company.id !== null && w.companyId === company.id) || w.query.toLowerCase() === company.name.toLowerCase(),
  );
  const change = (call: () => Promise<unknown>) =>
    call().then(
      () => (setError(null), watches.reload()),
      (caught: unknown) => setError(errorMessage(caught)),
    );

  return (
    <>
      {current ? (
        <>
          <span className="muted">Watched {describeEvery(current.everyMinutes)}</span>
          <button type="button" onClick={() => void change(() => crm()['watch:remove']({ query: current.query }))}>
            Stop watching
          </button>
        </>
      ) : (
        <>
          <WatchInterval value={every} onChange={setEvery} />
          <button
            type="button"
            onClick={() => void change(() => crm()['watch:add']({ query: company.name, workflow, every }))}
          >
            Watch
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
