import { useState, type ReactNode } from 'react';
import type { Response } from '../../core/ipc/contract';
import { crm, errorMessage } from '../lib/crm';
import { useLoad } from '../lib/use-load';
import { useNavigate } from '../lib/navigation';
import { Notice } from './feedback';

type SampleInUse = Response<'system:useSample'>;
type Step = { state: 'idle' | 'busy' } | { state: 'error'; message: string };

/**
 * First run: while nothing can be searched (no search key, no research folder) the one message saying what
 * to do, with the sample data a click away; once it is in use, its lookup and lead import, and later a
 * reminder that lookups search sample data. Otherwise `otherwise` (the offline notice, when there is a
 * folder of the analyst's own but no key).
 */
export function FirstRunNotice({ onLookup, otherwise }: { onLookup: (query: string) => void; otherwise?: ReactNode }) {
  const navigate = useNavigate();
  const setup = useLoad(() => crm()['system:setup'](), 'setup');
  const [sample, setSample] = useState<SampleInUse | null>(null);
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const [imported, setImported] = useState<{ importId: number; count: number } | null>(null);

  const run = async (work: () => Promise<void>) => {
    setStep({ state: 'busy' });
    try {
      await work();
      setStep({ state: 'idle' });
    } catch (error) {
      setStep({ state: 'error', message: errorMessage(error) });
    }
  };
  const useSample = () => run(async () => setSample(await crm()['system:useSample']()));
  const importLeads = (file: SampleInUse['leadsFile']) =>
    run(async () => {
      const summary = await crm()['imports:start']({ file: file.token });
      if (summary.importId !== null) setImported({ importId: summary.importId, count: summary.imported });
    });
  const busy = step.state === 'busy';
  const error = step.state === 'error' && (
    <p className="field-error" role="alert">
      {step.message}
    </p>
  );

  if (sample)
    return (
      <Notice tone="success">
        <strong>{sample.label}.</strong> The sample research folder is now your research folder (
        {sample.indexed.added + sample.indexed.updated + sample.indexed.unchanged} documents indexed), so a lookup works
        with no key. Choose your own folder under Settings when you are done.
        <div className="notice-actions">
          <button type="button" className="button-small" onClick={() => onLookup(sample.company)} disabled={busy}>
            Look up {sample.company}
          </button>
          {imported ? (
            <button
              type="button"
              className="button-small"
              onClick={() => navigate({ screen: 'leads', importId: imported.importId })}
            >
              Open the {imported.count} sample leads
            </button>
          ) : (
            <button
              type="button"
              className="button-small"
              onClick={() => importLeads(sample.leadsFile)}
              disabled={busy}
            >
              {busy ? 'Importing…' : 'Import the sample leads'}
            </button>
          )}
        </div>
        {error}
      </Notice>
    );
  if (setup.state === 'ready' && setup.data.sample.inUse)
    return (
      <Notice tone="info">
        <strong>Sample data in use.</strong> Lookups search the sample research folder about {setup.data.sample.company}
        , a fictional company. Choose your own folder, or add a Tavily key to search the web, under{' '}
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'settings' })}>
          Settings
        </button>
        .
      </Notice>
    );
  if (setup.state !== 'ready' || !setup.data.needsSetup) return <>{otherwise}</>;
  return (
    <Notice tone="info">
      <strong>Welcome.</strong> {setup.data.message}
      <div className="notice-actions">
        {setup.data.sample.available && (
          <button type="button" className="button-primary button-small" onClick={useSample} disabled={busy}>
            {busy ? 'Indexing the sample…' : 'Use the sample data'}
          </button>
        )}
        <button type="button" className="button-small" onClick={() => navigate({ screen: 'settings' })}>
          Open Settings
        </button>
      </div>
      {error}
    </Notice>
  );
}
