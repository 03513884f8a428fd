import { useState } from 'react';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { BUILT_IN_WORKFLOWS } from '../../components/ResearchDepth';
import { WatchInterval } from '../../components/WatchInterval';

export interface NamedCompany {
  id: number;
  name: string;
}

const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'company' : 'companies'}`;

/**
 * The workflow a watch's refreshes run: the built-ins and the analyst's own from Settings. Until the list
 * comes (or if it cannot), the built-ins alone.
 */
function WatchWorkflow({ value, onChange }: { value: string; onChange: (workflow: string) => void }) {
  const workflows = useLoad(() => crm()['workflows:list']({}), 'watch-workflows');
  const own = workflows.data?.workflows.filter((w) => !w.builtin) ?? [];
  return (
    <select aria-label="Watch workflow" className="auto-width" value={value} onChange={(e) => onChange(e.target.value)}>
      {Object.entries(BUILT_IN_WORKFLOWS).map(([name, label]) => (
        <option key={name} value={name}>
          {label}
        </option>
      ))}
      {own.length > 0 && (
        <optgroup label="Your workflows">
          {own.map((w) => (
            <option key={w.name} value={w.name} title={w.description}>
              {w.name}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/**
 * Puts the ticked companies on the watch list (`watch:add`, as the report's Watch button does), with the
 * workflow their refreshes run and how often; a company already watched takes the new workflow and interval.
 * "Stop watching" takes them off it in one call (`watch:remove` by company ids); their alerts stay.
 */
export function WatchSelected({ companies, onWatched }: { companies: NamedCompany[]; onWatched: () => void }) {
  const [workflow, setWorkflow] = useState('standard');
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
      setNote({ error: false, text: `${plural(watched)} watched.` });
    } finally {
      setBusy(false);
      if (watched) onWatched();
    }
  };

  const stopWatching = async () => {
    setBusy(true);
    setNote(null);
    try {
      const { removed } = await crm()['watch:remove']({ companyIds: companies.map((c) => c.id) });
      const notWatched = companies.length - removed;
      setNote({
        error: false,
        text: `Stopped watching ${plural(removed)}${notWatched > 0 ? ` (${notWatched.toLocaleString()} selected ${notWatched === 1 ? 'was' : 'were'} not watched)` : ''}.`,
      });
      if (removed) onWatched();
    } catch (error) {
      setNote({ error: true, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card enrichment" aria-label="Watch selected companies">
      <div className="enrichment-line">
        <p className="muted enrichment-status">Watch: refreshed on a schedule, changes become alerts.</p>
        <WatchWorkflow value={workflow} onChange={setWorkflow} />
        <WatchInterval value={every} onChange={setEvery} />
        <button type="button" disabled={busy || companies.length === 0} onClick={() => void watch()}>
          Watch {companies.length.toLocaleString()} selected
        </button>
        <button type="button" disabled={busy || companies.length === 0} onClick={() => void stopWatching()}>
          Stop watching {companies.length.toLocaleString()} selected
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
