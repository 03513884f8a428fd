import { useState } from 'react';
import { INTEL_SECTIONS, type Settings } from '../../../core/settings/schema';
import {
  BUILTIN_LEAD_STATUSES,
  LEAD_FUNCTIONS,
  SENIORITY_LEVELS,
  type LeadScoreWeights,
  type Seniority,
} from '../../../core/settings/lead-work-settings';
import { LLM_PROVIDER_IDS, providerById, type LlmProviderId } from '../../../core/providers/registry';
import type { SettingsPatch } from '../../../core/settings/settings-service';
import { crm } from '../../lib/crm';
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/fields';
import { SettingsSection } from './SettingsSection';
import { SECTION_LABELS } from './labels';
import { useSettingsDraft } from './use-settings-draft';
import { issuesSummary, patchIssues, type FieldIssues } from './field-issues';
import { same, type CardProps } from './settings-card';
import { CustomComponentsCard } from './CustomComponentsCard';

const EXTRACTION_OPTIONS = [
  { value: 'auto', label: 'Automatic (LLM if keyed)' },
  { value: 'deterministic', label: 'Patterns only' },
  { value: 'llm', label: 'LLM only' },
] as const;

const SENIORITY_LABELS: Record<Seniority, string> = {
  executive: 'Executives (C-level, founders)',
  vp: 'Vice presidents',
  director: 'Directors and heads',
  manager: 'Managers',
  individual: 'Individual contributors',
};

const WEIGHT_LABELS: Record<Exclude<keyof LeadScoreWeights, 'status'>, string> = {
  recentRound: 'Round in the last 90 days',
  whyNowNews: '“Why now” news',
  seniority: 'Target seniority',
  function: 'Target function',
  email: 'Email present',
};

/**
 * The Settings screen's intelligence forms: how lookups extract and which LLM, cache lifetimes, whom the lead
 * score targets and its weights, and the team's own lead statuses. Each form checks its change with the
 * settings schema first and names what is wrong beside the field.
 */
export function IntelligenceSettings({ saved, onSaved }: { saved: Settings; onSaved: (settings: Settings) => void }) {
  const [draft, setDraft] = useSettingsDraft(saved);
  const [errors, setErrors] = useState<FieldIssues>({});
  const save = async (patch: SettingsPatch, shown: (field: string) => boolean) => {
    const issues = patchIssues(saved, patch);
    // Only this form's fields change their messages: another form's stay until that form is saved again.
    setErrors((current) => ({
      ...Object.fromEntries(Object.entries(current).filter(([field]) => !shown(field))),
      ...issues,
    }));
    if (Object.keys(issues).length > 0) throw new Error(issuesSummary(issues, shown));
    onSaved(await crm()['settings:update'](patch));
  };
  const props: CardProps = { saved, draft, edit: setDraft, save, errors };
  return (
    <>
      <ExtractionCard {...props} />
      <CacheCard {...props} />
      <LeadScoreCard {...props} />
      <LeadStatusesCard {...props} />
      <CustomComponentsCard {...props} />
    </>
  );
}

function ExtractionCard({ saved, draft, edit, save, errors }: CardProps) {
  const provider = draft.intel.llmProvider;
  const model = draft.providers[provider].model ?? '';
  const dirty =
    draft.intel.extraction !== saved.intel.extraction ||
    provider !== saved.intel.llmProvider ||
    !same(draft.providers[provider], saved.providers[provider]);
  const shown = (field: string) =>
    ['intel.extraction', 'intel.llmProvider', `providers.${provider}.model`].includes(field);
  return (
    <SettingsSection
      title="Intelligence"
      description="How a lookup reads pages into facts: patterns (no cost), or an LLM when one has a key. The LLM chosen here is the one lookups read with."
      dirty={dirty}
      onSave={() =>
        save(
          {
            intel: { extraction: draft.intel.extraction, llmProvider: provider },
            providers: { [provider]: draft.providers[provider] },
          } as SettingsPatch,
          shown,
        )
      }
    >
      <div className="form-grid">
        <SelectField
          label="Extraction"
          value={draft.intel.extraction}
          options={EXTRACTION_OPTIONS}
          onChange={(extraction) => edit((d) => ({ ...d, intel: { ...d.intel, extraction } }))}
          error={errors['intel.extraction']}
        />
        <SelectField<LlmProviderId>
          label="LLM provider"
          value={provider}
          options={LLM_PROVIDER_IDS.map((id) => ({ value: id, label: providerById(id).label }))}
          onChange={(llmProvider) => edit((d) => ({ ...d, intel: { ...d.intel, llmProvider } }))}
          error={errors['intel.llmProvider']}
        />
        <TextField
          label="LLM model"
          value={model}
          placeholder="the provider's default"
          onChange={(value) =>
            edit((d) => ({
              ...d,
              providers: { ...d.providers, [provider]: { ...d.providers[provider], model: value || undefined } },
            }))
          }
          error={errors[`providers.${provider}.model`]}
        />
      </div>
    </SettingsSection>
  );
}

function CacheCard({ saved, draft, edit, save, errors }: CardProps) {
  return (
    <SettingsSection
      title="Cache lifetimes"
      description="How long a provider answer is reused, in hours, per report section. Within these, a repeat lookup makes no provider call."
      dirty={!same(draft.cacheTtlHours, saved.cacheTtlHours)}
      onSave={() => save({ cacheTtlHours: draft.cacheTtlHours }, (field) => field.startsWith('cacheTtlHours.'))}
    >
      <div className="form-grid">
        {INTEL_SECTIONS.map((section) => (
          <NumberField
            key={section}
            label={`${SECTION_LABELS[section]} (hours)`}
            value={draft.cacheTtlHours[section]}
            onChange={(hours) => edit((d) => ({ ...d, cacheTtlHours: { ...d.cacheTtlHours, [section]: hours } }))}
            error={errors[`cacheTtlHours.${section}`]}
          />
        ))}
      </div>
    </SettingsSection>
  );
}

function LeadScoreCard({ saved, draft, edit, save, errors }: CardProps) {
  const { targetRoles, scoreWeights } = draft.leads;
  const setLeads = (change: Partial<Settings['leads']>) => edit((d) => ({ ...d, leads: { ...d.leads, ...change } }));
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean, order: readonly T[]) =>
    order.filter((entry) => (entry === item ? on : list.includes(entry)));
  // Points per status: the built-in ones and the team's saved ones (a status being added gets points once saved).
  const statuses = [...BUILTIN_LEAD_STATUSES, ...saved.leads.customStatuses];
  const shown = (field: string) =>
    field.startsWith('leads.targetRoles.') || (field.startsWith('leads.scoreWeights.') && field.split('.').length <= 4);
  return (
    <SettingsSection
      title="Lead score"
      description="Whom the team sells to, and the points each signal adds to a lead's score (negative points count against)."
      dirty={!same(targetRoles, saved.leads.targetRoles) || !same(scoreWeights, saved.leads.scoreWeights)}
      onSave={() => save({ leads: { targetRoles, scoreWeights } }, shown)}
    >
      <fieldset className="inline-fieldset">
        <legend>Target seniority</legend>
        {SENIORITY_LEVELS.map((level) => (
          <CheckboxField
            key={level}
            label={SENIORITY_LABELS[level]}
            checked={targetRoles.seniority.includes(level)}
            onChange={(on) =>
              setLeads({
                targetRoles: { ...targetRoles, seniority: toggle(targetRoles.seniority, level, on, SENIORITY_LEVELS) },
              })
            }
          />
        ))}
      </fieldset>
      <fieldset className="inline-fieldset">
        <legend>Target functions</legend>
        {LEAD_FUNCTIONS.map((area) => (
          <CheckboxField
            key={area}
            label={area === 'the business' ? 'General management' : area}
            checked={targetRoles.functions.includes(area)}
            onChange={(on) =>
              setLeads({
                targetRoles: { ...targetRoles, functions: toggle(targetRoles.functions, area, on, LEAD_FUNCTIONS) },
              })
            }
          />
        ))}
      </fieldset>
      <div className="form-grid" role="group" aria-label="Points per signal">
        {(Object.keys(WEIGHT_LABELS) as (keyof typeof WEIGHT_LABELS)[]).map((signal) => (
          <NumberField
            key={signal}
            label={WEIGHT_LABELS[signal]}
            value={scoreWeights[signal]}
            onChange={(points) => setLeads({ scoreWeights: { ...scoreWeights, [signal]: points } })}
            error={errors[`leads.scoreWeights.${signal}`]}
          />
        ))}
      </div>
      <div className="form-grid" role="group" aria-label="Points per status">
        {statuses.map((status) => (
          <NumberField
            key={status}
            label={`Status “${status}”`}
            value={scoreWeights.status[status] ?? 0}
            onChange={(points) =>
              setLeads({ scoreWeights: { ...scoreWeights, status: { ...scoreWeights.status, [status]: points } } })
            }
            error={errors[`leads.scoreWeights.status.${status}`]}
          />
        ))}
      </div>
    </SettingsSection>
  );
}

function LeadStatusesCard({ saved, draft, edit, save, errors }: CardProps) {
  const statuses = draft.leads.customStatuses;
  const setStatuses = (customStatuses: string[]) => edit((d) => ({ ...d, leads: { ...d.leads, customStatuses } }));
  const listError = errors['leads.customStatuses'];
  return (
    <SettingsSection
      title="Lead statuses"
      description={`Statuses of your own, beside the built-in ${BUILTIN_LEAD_STATUSES.join(', ')}.`}
      dirty={!same(statuses, saved.leads.customStatuses)}
      onSave={() =>
        save({ leads: { customStatuses: statuses } }, (field) => /^leads\.customStatuses(\.\d+)?$/.test(field))
      }
    >
      <ol className="status-list">
        {statuses.map((status, index) => (
          <li key={index}>
            <TextField
              label={`Custom status ${index + 1}`}
              value={status}
              onChange={(name) => setStatuses(statuses.map((s, i) => (i === index ? name : s)))}
              error={errors[`leads.customStatuses.${index}`]}
            />
            <button
              type="button"
              className="button-small"
              aria-label={`Remove custom status ${index + 1}`}
              onClick={() => setStatuses(statuses.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {listError && <p className="field-error">{listError}</p>}
      <div>
        <button type="button" className="button-small" onClick={() => setStatuses([...statuses, ''])}>
          Add a status
        </button>
      </div>
    </SettingsSection>
  );
}
