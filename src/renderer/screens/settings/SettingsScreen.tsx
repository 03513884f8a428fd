import { useState } from 'react';
import type { Settings } from '../../../core/settings/schema';
import { ENDPOINT_PROVIDER_IDS, PROVIDERS } from '../../../core/providers/registry';
import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { ErrorBanner, Skeleton } from '../../components/feedback';
import { OfflineNotice } from '../../components/OfflineNotice';
import { ApiKeys } from './ApiKeys';
import { Templates } from './Templates';
import { WorkflowEditor } from './WorkflowEditor';
import { SettingsSection } from './SettingsSection';
import { NumberField, TextField, TextAreaField, CheckboxField } from '../../components/fields';
import { useSettingsDraft } from './use-settings-draft';
import { IntelligenceSettings } from './IntelligenceSettings';
import { PathField } from '../../components/PathField';
import type { PickedFile } from '../../../core/ipc/file-tokens';

type Patch = Partial<Settings>;

export function SettingsScreen() {
  const settings = useLoad(() => crm()['settings:get'](), 'settings');
  const keys = useLoad(() => crm()['keys:status'](), 'keys');
  const destinations = useLoad(() => crm()['keys:destinations'](), 'key-destinations');

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Settings</h1>
        <p className="muted">Saved to this computer. API keys go to the system keychain and are never shown again.</p>
      </header>
      {/* A webhook alone researches nothing: the notice is about search and LLM keys. */}
      {keys.state === 'ready' && !ENDPOINT_PROVIDER_IDS.some((id) => keys.data[id]) && <OfflineNotice />}
      <ApiKeys status={keys} destinations={destinations} />
      {settings.state === 'error' && <ErrorBanner message={settings.error} onRetry={settings.reload} />}
      {settings.state === 'loading' && <Skeleton lines={8} label="Loading settings" />}
      {settings.state === 'ready' && (
        <SettingsForms
          saved={settings.data}
          onSaved={(next) => {
            settings.set(next);
            // A new base URL may need the analyst's confirmation before a stored key goes there.
            destinations.reload();
          }}
        />
      )}
      {settings.state === 'ready' && <IntelligenceSettings saved={settings.data} onSaved={settings.set} />}
      <Templates />
      <WorkflowEditor />
    </div>
  );
}

function SettingsForms({ saved, onSaved }: { saved: Settings; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useSettingsDraft(saved);
  const [pickedFolder, setPickedFolder] = useState<PickedFile | null>(null);
  const edit = <K extends keyof Settings>(key: K, value: Settings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = async (patch: Patch) => {
    const next = await crm()['settings:update'](patch);
    onSaved(next);
    setDraft((d) => ({ ...d, ...pick(next, Object.keys(patch) as (keyof Settings)[]) }));
  };
  const section = (keys: (keyof Settings)[]) => ({
    dirty: keys.some((k) => JSON.stringify(draft[k]) !== JSON.stringify(saved[k])),
    onSave: () => save(pick(draft, keys)),
  });

  return (
    <>
      <SettingsSection
        title="Sender profile"
        description="Who the drafts are from. The value proposition and signature go into every draft."
        {...section(['sender'])}
      >
        <div className="form-grid">
          <TextField
            label="Name"
            value={draft.sender.name}
            onChange={(name) => edit('sender', { ...draft.sender, name })}
            autoComplete="name"
          />
          <TextField
            label="Company"
            value={draft.sender.company}
            onChange={(company) => edit('sender', { ...draft.sender, company })}
            autoComplete="organization"
          />
          <TextField
            label="Email"
            type="email"
            value={draft.sender.email}
            onChange={(email) => edit('sender', { ...draft.sender, email })}
            autoComplete="email"
          />
        </div>
        <TextAreaField
          label="Value proposition"
          value={draft.sender.valueProposition}
          onChange={(valueProposition) => edit('sender', { ...draft.sender, valueProposition })}
          rows={2}
        />
        <TextAreaField
          label="Signature"
          value={draft.sender.signature}
          onChange={(signature) => edit('sender', { ...draft.sender, signature })}
          rows={3}
        />
      </SettingsSection>

      <SettingsSection
        title="Providers"
        description="Where each provider is reached. Point a base URL at a proxy, Ollama or LM Studio if you use one."
        {...section(['providers'])}
      >
        <div className="provider-table" role="group" aria-label="Provider endpoints">
          {PROVIDERS.map(({ id, label, kind }) => {
            const provider: { enabled: boolean; baseUrl?: string; model?: string } = draft.providers[id];
            const update = (change: Partial<typeof provider>) =>
              edit('providers', { ...draft.providers, [id]: { ...provider, ...change } });
            return (
              <fieldset key={id} className="provider-row">
                <legend>{label}</legend>
                <CheckboxField label="Enabled" checked={provider.enabled} onChange={(enabled) => update({ enabled })} />
                {/* A webhook's address is a secret: it is set with the API keys, never in this file. */}
                {provider.baseUrl !== undefined && (
                  <TextField
                    label="Base URL"
                    value={provider.baseUrl}
                    onChange={(baseUrl) => update({ baseUrl })}
                    wide
                  />
                )}
                {kind === 'llm' && (
                  <TextField
                    label="Model"
                    value={provider.model ?? ''}
                    onChange={(model) => update({ model: model || undefined })}
                  />
                )}
              </fieldset>
            );
          })}
        </div>
      </SettingsSection>

      <SettingsSection
        title="Rate limits"
        description="Requests per minute and burst size per provider. Tavily development keys allow 100 a minute."
        {...section(['rateLimits'])}
      >
        <div className="form-grid">
          {PROVIDERS.map(({ id, label }) => (
            <fieldset key={id} className="inline-fieldset">
              <legend>{label}</legend>
              <NumberField
                label="Per minute"
                value={draft.rateLimits[id].requestsPerMinute}
                onChange={(requestsPerMinute) =>
                  edit('rateLimits', { ...draft.rateLimits, [id]: { ...draft.rateLimits[id], requestsPerMinute } })
                }
              />
              <NumberField
                label="Burst"
                value={draft.rateLimits[id].burst}
                onChange={(burst) =>
                  edit('rateLimits', { ...draft.rateLimits, [id]: { ...draft.rateLimits[id], burst } })
                }
              />
            </fieldset>
          ))}
        </div>
      </SettingsSection>

      <SettingsSection
        title="Research and import"
        description="A folder of your own documents (Markdown, text, HTML) searched with no key and no network; the country assumed for phone numbers without one."
        {...section(['researchFolder', 'defaultPhoneRegion'])}
      >
        <div className="form-grid">
          {/* The draft holds the folder's token once one is picked (main reads only folders from its own dialog); the path is shown. */}
          <PathField
            label="Local research folder"
            mode="folder"
            path={pickedFolder?.token === draft.researchFolder ? pickedFolder.path : draft.researchFolder}
            onChange={(folder) => {
              setPickedFolder(folder);
              edit('researchFolder', folder.token);
            }}
            onClear={() => edit('researchFolder', '')}
          />
          <TextField
            label="Default phone region"
            value={draft.defaultPhoneRegion}
            onChange={(region) => edit('defaultPhoneRegion', region.toUpperCase())}
            placeholder="US"
          />
        </div>
      </SettingsSection>

      <SettingsSection
        title="Schedules"
        description="How long plan runs stay in the log, and whether closing the window keeps scheduled plans running from the tray."
        {...section(['schedule'])}
      >
        <div className="form-grid">
          <NumberField
            label="Keep plan runs for (days)"
            value={draft.schedule.keepRunDays}
            onChange={(keepRunDays) => edit('schedule', { ...draft.schedule, keepRunDays })}
          />
          <CheckboxField
            label="Keep running in the tray when the window is closed"
            checked={draft.schedule.runInTray}
            onChange={(runInTray) => edit('schedule', { ...draft.schedule, runInTray })}
          />
        </div>
      </SettingsSection>
    </>
  );
}

function pick(settings: Settings, keys: (keyof Settings)[]): Patch {
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as Patch;
}
