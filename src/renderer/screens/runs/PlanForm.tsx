import { useId, useState, type FormEvent } from 'react';
import type { Response } from '../../../core/ipc/contract';
import { checkPlan, PLAN_STEPS, type PlanIssue } from '../../../core/schedule/plan-definition';
import { ALERT_KINDS } from '../../../core/watch/alert-diff';
import { crm, errorMessage } from '../../lib/crm';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { PathField } from '../../components/PathField';
import { Issues, StepFormActions } from '../../components/editor-parts';
import { KIND_LABELS } from '../../components/alert-kinds';
import {
  formatRunTime,
  issuesAt,
  nextCronRuns,
  STEP_LABELS,
  toInput,
  type DraftStep,
  type PlanDraft,
  type TriggerKind,
} from './plan-draft';

type ImportView = Response<'imports:list'>[number];

const TRIGGER_KINDS: { value: TriggerKind; label: string }[] = [
  { value: 'cron', label: 'On a schedule (cron)' },
  { value: 'every', label: 'Every N hours' },
  { value: 'alerts', label: 'When alerts arrive' },
];
const STEP_OPTIONS = PLAN_STEPS.map((step) => ({ value: step, label: STEP_LABELS[step] }));

/**
 * A plan's trigger and steps. The page checks it with core's own plan schema before sending (each problem
 * beside its field); main checks it again with the same schema, and answers what only it knows (a name in
 * use, a folder not picked in its dialog) the same way.
 */
export function PlanForm({
  initial,
  existing,
  imports,
  onCancel,
  onSaved,
}: {
  initial: PlanDraft;
  /** The plan's name when editing one. */
  existing?: string;
  imports: readonly ImportView[];
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const [draft, setDraft] = useState<PlanDraft>(initial);
  const [issues, setIssues] = useState<PlanIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kindName = useId();
  const title = existing ? `Edit plan ${existing}` : 'New plan';
  const set = (change: Partial<PlanDraft>) => setDraft((d) => ({ ...d, ...change }));
  const at = (field: string) => issuesAt(issues, field).join('; ') || undefined;
  const setStep = (index: number, change: Partial<DraftStep>) =>
    set({ steps: draft.steps.map((s, i) => (i === index ? { ...s, ...change } : s)) });
  const moveStep = (index: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    [steps[index], steps[index + by]] = [steps[index + by]!, steps[index]!];
    set({ steps });
  };
  const addStep = () =>
    set({
      steps: [...draft.steps, { step: PLAN_STEPS.find((p) => !draft.steps.some((s) => s.step === p)) ?? 'notify' }],
    });

  // Problems no field of the form shows (the trigger's shape, the number of steps) go in one list.
  const shown = [
    'name',
    ...(draft.kind === 'cron' ? ['trigger.cron', 'trigger.timezone'] : []),
    ...(draft.kind === 'every' ? ['trigger.everyHours'] : []),
    ...(draft.kind === 'alerts' ? ['trigger.alertKinds', 'trigger.companies'] : []),
    ...draft.steps.flatMap((_, i) => [`steps[${i}]`, `steps[${i}].importId`, `steps[${i}].folder`]),
  ];
  const general = issues.filter((issue) => !shown.some((field) => issuesAt([issue], field).length > 0));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkPlan(toInput(draft));
    if (!checked.ok) return setIssues(checked.issues);
    setSaving(true);
    try {
      const result = await crm()['plans:save']({ plan: toInput(draft, true), existing });
      if (result.ok) onSaved(result.plan.name);
      else setIssues(result.issues);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="workflow-form" aria-label={title} onSubmit={submit} noValidate>
      <h3>{title}</h3>
      <div className="form-grid">
        <TextField label="Name" value={draft.name} onChange={(name) => set({ name })} error={at('name')} />
        {existing && draft.name !== existing && (
          <p className="muted">Renamed from {existing}: its log, pause and next run stay with it.</p>
        )}
      </div>
      <fieldset className="workflow-step">
        <legend>When it runs</legend>
        <div role="radiogroup" aria-label="When it runs" className="plan-trigger-kinds">
          {TRIGGER_KINDS.map((kind) => (
            <label key={kind.value}>
              <input
                type="radio"
                name={kindName}
                checked={draft.kind === kind.value}
                onChange={() => set({ kind: kind.value })}
              />{' '}
              {kind.label}
            </label>
          ))}
        </div>
        {draft.kind === 'cron' && <CronFields draft={draft} set={set} at={at} />}
        {draft.kind === 'every' && (
          <div className="form-grid">
            <NumberField
              label="Every (hours)"
              value={draft.everyHours}
              onChange={(everyHours) => set({ everyHours })}
              error={at('trigger.everyHours')}
            />
            <p className="muted">A new plan runs at once, then every {draft.everyHours || 'N'} hours.</p>
          </div>
        )}
        {draft.kind === 'alerts' && (
          <>
            <div role="group" aria-label="Alert kinds" className="workflow-deps">
              <span className="muted">Alerts of these kinds:</span>
              {ALERT_KINDS.map((kind) => (
                <CheckboxField
                  key={kind}
                  label={KIND_LABELS[kind]}
                  checked={draft.alertKinds.includes(kind)}
                  onChange={(checked) =>
                    set({
                      alertKinds: checked
                        ? ALERT_KINDS.filter((k) => k === kind || draft.alertKinds.includes(k))
                        : draft.alertKinds.filter((k) => k !== kind),
                    })
                  }
                />
              ))}
            </div>
            <Issues messages={issuesAt(issues, 'trigger.alertKinds')} />
            <TextAreaField
              label="Only at these companies (one a line; empty for every company)"
              value={draft.companies}
              rows={2}
              onChange={(companies) => set({ companies })}
              error={at('trigger.companies')}
            />
          </>
        )}
      </fieldset>
      {draft.steps.map((step, index) => (
        <fieldset key={index} className="workflow-step" aria-label={`Step ${index + 1}`}>
          <legend>
            Step {index + 1}: {STEP_LABELS[step.step]}
          </legend>
          <div className="form-grid">
            <SelectField
              label="Does"
              value={step.step}
              options={STEP_OPTIONS}
              onChange={(value) => setStep(index, { step: value })}
              error={at(`steps[${index}]`)}
            />
            {step.step === 'enrich-import' && (
              <SelectField
                label="Import"
                value={step.importId === undefined ? '' : String(step.importId)}
                options={[
                  { value: '', label: imports.length ? 'Choose an import' : 'No imports yet' },
                  ...imports.map((i) => ({ value: String(i.id), label: `#${i.id} ${i.fileName}` })),
                ]}
                onChange={(value) => setStep(index, { importId: value ? Number(value) : undefined })}
                error={at(`steps[${index}].importId`)}
              />
            )}
          </div>
          {step.step === 'export-drafts' && (
            <>
              <PathField
                label="Export to folder"
                mode="folder"
                path={step.folder ?? ''}
                onChange={(file) => setStep(index, { folder: file.path, folderToken: file.token })}
              />
              <Issues messages={issuesAt(issues, `steps[${index}].folder`)} />
            </>
          )}
          <div className="form-actions">
            {index > 0 && (
              <button type="button" className="button-small" onClick={() => moveStep(index, -1)}>
                Move up
              </button>
            )}
            {index < draft.steps.length - 1 && (
              <button type="button" className="button-small" onClick={() => moveStep(index, 1)}>
                Move down
              </button>
            )}
            {draft.steps.length > 1 && (
              <button
                type="button"
                className="button-small"
                aria-label={`Remove step ${index + 1}`}
                onClick={() => set({ steps: draft.steps.filter((_, i) => i !== index) })}
              >
                Remove step
              </button>
            )}
          </div>
        </fieldset>
      ))}
      {general.length > 0 && (
        <ul className="field-error" role="alert" aria-label="Problems with the plan">
          {general.map((issue, i) => (
            <li key={i}>{issue.field ? `${issue.field}: ${issue.message}` : issue.message}</li>
          ))}
        </ul>
      )}
      <StepFormActions
        saveLabel="Save plan"
        saving={saving}
        onAddStep={addStep}
        onCancel={onCancel}
        failure={failure}
      />
    </form>
  );
}

/** The cron expression and its time zone, checked as typed, with the next times it would run. */
function CronFields({
  draft,
  set,
  at,
}: {
  draft: PlanDraft;
  set: (change: Partial<PlanDraft>) => void;
  at: (field: string) => string | undefined;
}) {
  const live = checkPlan({ ...toInput(draft), name: 'x', steps: ['notify'] });
  const liveAt = (field: string) => (live.ok ? undefined : issuesAt(live.issues, field).join('; ') || undefined);
  const next = nextCronRuns(draft, new Date());
  return (
    <>
      <div className="form-grid">
        <TextField
          label="Cron expression"
          value={draft.cron}
          placeholder="minute hour day month weekday"
          onChange={(cron) => set({ cron })}
          error={liveAt('trigger.cron') ?? at('trigger.cron')}
        />
        <TextField
          label="Time zone"
          value={draft.timezone}
          placeholder="this computer’s"
          onChange={(timezone) => set({ timezone })}
          error={liveAt('trigger.timezone') ?? at('trigger.timezone')}
        />
      </div>
      {next.length > 0 && (
        <div className="plan-next-runs">
          <span className="muted">Next runs:</span>
          <ul aria-label="Next runs">
            {next.map((time) => (
              <li key={time.getTime()}>{formatRunTime(time)}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
