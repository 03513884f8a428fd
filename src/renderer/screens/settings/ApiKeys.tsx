import { useId, useState, type FormEvent } from 'react';
import { isEndpointProvider, PROVIDER_IDS, providerById, type ProviderId } from '../../../core/providers/registry';
import { crm, errorMessage } from '../../lib/crm';
import type { Load } from '../../lib/use-load';
import { Badge, ErrorBanner, Notice, Skeleton } from '../../components/feedback';
import type { Response } from '../../../core/ipc/contract';

type KeyStatus = Record<ProviderId, boolean>;
type Destinations = Response<'keys:destinations'>;

/**
 * Keys are write-only: the screen only ever knows whether one is set, never its value. A stored key goes
 * only to a base URL the analyst confirmed; a changed one is shown here to confirm.
 */
export function ApiKeys({ status, destinations }: { status: Load<KeyStatus>; destinations: Load<Destinations> }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>API keys</h2>
      <p className="muted">Stored in the system keychain. A saved key is never displayed; replace or remove it here.</p>
      {status.state === 'loading' && <Skeleton lines={4} label="Loading key status" />}
      {status.state === 'error' && <ErrorBanner message={status.error} onRetry={status.reload} />}
      {status.state === 'ready' && (
        <ul className="key-list">
          {PROVIDER_IDS.map((provider) => (
            <KeyRow
              key={provider}
              provider={provider}
              isSet={status.data[provider]}
              destination={isEndpointProvider(provider) ? destinations.data?.[provider] : undefined}
              onChange={(next) => {
                status.set(next);
                destinations.reload();
              }}
              onConfirmed={destinations.state === 'ready' ? destinations.set : destinations.reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function KeyRow({
  provider,
  isSet,
  destination,
  onChange,
  onConfirmed,
}: {
  provider: ProviderId;
  isSet: boolean;
  destination?: Destinations[keyof Destinations];
  onChange: (status: KeyStatus) => void;
  onConfirmed: (destinations: Destinations) => void;
}) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const inputId = useId();
  const { label: name, role, auth } = providerById(provider);
  // A webhook's secret is its address; everything else has an API key.
  const secretName = auth.type === 'secret-url' ? 'webhook URL' : 'API key';
  const shortName = auth.type === 'secret-url' ? 'webhook URL' : 'key';

  const run = async (work: () => Promise<KeyStatus>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      onChange(await work());
      setValue('');
      setMessage({ tone: 'ok', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const test = async () => {
    setBusy(true);
    setMessage({ tone: 'ok', text: `Testing ${name}…` });
    try {
      const result = await crm()['keys:test']({ provider });
      setMessage({
        tone: result.ok ? 'ok' : 'error',
        text: result.ok ? `${name} works. ${result.message}` : result.message,
      });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (baseUrl: string) => {
    setBusy(true);
    setMessage(null);
    try {
      if (isEndpointProvider(provider)) onConfirmed(await crm()['keys:confirmBaseUrl']({ provider, baseUrl }));
      setMessage({ tone: 'ok', text: `The ${name} key will be sent to ${baseUrl}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(() => crm()['keys:set']({ provider, key: value }), `${name} ${shortName} saved.`);
  };

  return (
    <li className="key-row">
      <div className="key-name">
        <strong>{name}</strong>
        <span className="muted">{role}</span>
      </div>
      <Badge tone={isSet ? 'success' : 'neutral'}>{isSet ? 'Set' : 'Not set'}</Badge>
      <form className="key-form" onSubmit={save}>
        <label htmlFor={inputId} className="visually-hidden">
          {`${name} ${secretName}`}
        </label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={`${isSet ? 'Replace' : 'Paste'} ${secretName}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={busy || value.trim() === ''}>
          {auth.type === 'secret-url' ? 'Save URL' : 'Save key'}
        </button>
        {isSet && (
          <>
            <button type="button" disabled={busy} onClick={() => void test()}>
              Test connection
            </button>
            <button
              type="button"
              className="button-quiet"
              disabled={busy}
              onClick={() => void run(() => crm()['keys:delete']({ provider }), `${name} ${shortName} removed.`)}
            >
              Remove
            </button>
          </>
        )}
      </form>
      {isSet && destination && !destination.confirmed && (
        <Notice tone="warning">
          {`The ${name} base URL is now ${destination.baseUrl}. The stored key is not sent there until you confirm this address.`}{' '}
          <button type="button" disabled={busy} onClick={() => void confirm(destination.baseUrl)}>
            Confirm base URL
          </button>
        </Notice>
      )}
      <p
        className={message?.tone === 'error' ? 'field-error key-message' : 'muted key-message'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </li>
  );
}
