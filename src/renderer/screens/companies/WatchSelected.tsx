import { useState } from 'react';
import { crm, errorMessage } from '../../lib/crm';
import { ResearchDepth, type Workflow } from '../../components/ResearchDepth';
import { WatchInterval } from '../../components/WatchInterval';

export interface NamedCompany {
  id: number;
  name: string;
}

/**
 * Puts the ticked companies on the watch list (`watch:add`, as the report's Watch button does), with the
 * workflow their refreshes run and how often; a company already watched takes the new workflow and interval.
 */
export function WatchSelected({ companies, onWatched }: { companies: NamedCompany[]; onWatched: () => void }) {
  const [workflow, setWorkflow] = useState<Workflow>('standard');
  const [every, setEvery] = useState('1d');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);

  const watch = async () => {
    setBusy(true);
    setNote(null);
    let watched = 0;
    try {
      for (const company of companies) {
        try {
          await crm()['watch:add']({ query: company.name, workflow, every });
          watched += 1;
        } catch (error) {
          // Stops at the first refusal: the rest would be refused for the same workflow or interval.
          setNote({ error: true, text: `${company.name}: ${errorMessage(error)}` });
          return;
        }
      }
      setNote({
        error: false,
        text: `${watched.toLocaleString()} ${watched === 1 ? 'company' : 'companies'} watched.`,
      });
    } finally {
      setBusy(false);
      if (watched) onWatched();
    }
  };

  return (
    <section className="card enrichment" aria-label="Watch selected companies">
      <div className="enrichment-line">
        <p className="muted enrichment-status">Watch: refreshed on a schedule, changes become alerts.</p>
        <ResearchDepth value={workflow} onChange={setWorkflow} label="Watch workflow" />
        <WatchInterval value={every} onChange={setEvery} />
        <button type="button" disabled={busy || companies.length === 0} onClick={() => void watch()}>
          Watch {companies.length.toLocaleString()} selected
        </button>
        {note && (
          <span className={note.error ? 'field-error' : 'muted'} role={note.error ? 'alert' : 'status'}>
            {note.text}
          </span>
        )}
      </div>
    </section>
  );
}
