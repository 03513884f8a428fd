import { useId, useState, type FormEvent } from 'react';
import type { Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { Badge, ErrorBanner, Skeleton } from '../../components/feedback';
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/fields';
import { Issues, ListActions, StepFormActions } from '../../components/editor-parts';

type WorkflowView = Response<'workflows:list'>['workflows'][number];
type FieldIssue = Extract<Response<'workflows:save'>, { ok: false }>['issues'][number];
type StepOptions = NonNullable<WorkflowView['steps'][number]['options']>;
interface DraftStep {
  component: string;
  dependsOn: string[];
  options: StepOptions;
}
interface Draft {
  name: string;
  description: string;
  steps: DraftStep[];
}

const DEPTHS = [
  { value: '', label: 'Component default' },
  { value: 'basic', label: 'Basic' },
  { value: 'advanced', label: 'Advanced' },
] as const;
const RANGES = [
  { value: '', label: 'Any time' },
  { value: 'day', label: 'Last day' },
  { value: 'week', label: 'Last week' },
  { value: 'month', label: 'Last month' },
  { value: 'year', label: 'Last year' },
] as const;

const toDraft = (workflow: WorkflowView, name = workflow.name): Draft => ({
  name,
  description: workflow.description,
  steps: workflow.steps.map((s) => ({
    component: s.component,
    dependsOn: [...s.dependsOn],
    options: { ...s.options },
  })),
});
const NEW_WORKFLOW: Draft = {
  name: '',
  description: '',
  steps: [{ component: 'identity', dependsOn: [], options: {} }],
};

/** A copy's name that no workflow has yet: `standard-copy`, then `standard-copy-2`, ... */
function copyName(name: string, taken: readonly WorkflowView[]): string {
  const names = new Set(taken.map((w) => w.name));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name}-copy` : `${name}-copy-${n}`;
    if (!names.has(candidate)) return candidate;
  }
}

/**
 * Settings' workflows: the built-ins and the analyst's own, with add, copy, edit and delete. The catalog in
 * main checks a workflow (components, dependencies, cycles) and answers its problems by field.
 */
export function WorkflowEditor() {
  const list = useLoad(() => crm()['workflows:list']({}), 'workflows');
  const [editing, setEditing] = useState<{ draft: Draft; existing: boolean } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const remove = async (name: string) => {
    setError(null);
    try {
      await crm()['workflows:remove']({ name });
      setStatus(`Deleted workflow ${name}.`);
      list.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Workflows</h2>
      <p className="muted">
        Which components a lookup runs, with which search options, and what each waits for. Built-ins can be copied;
        your own can be edited. Watches and lookups pick a workflow by name.
      </p>
      {list.state === 'error' && <ErrorBanner message={list.error} onRetry={list.reload} />}
      {!list.data && list.state === 'loading' && <Skeleton lines={3} label="Loading workflows" />}
      {list.data && (
        <table className="data-table" aria-label="Workflows">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Steps</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.workflows.map((workflow) => (
              <tr key={workflow.name}>
                <td>
                  <strong>{workflow.name}</strong> {workflow.builtin && <Badge>built-in</Badge>}
                  <div className="muted">{workflow.description}</div>
                </td>
                <td>{workflow.steps.map((s) => s.component).join(', ')}</td>
                <td className="workflow-actions">
                  <button
                    type="button"
                    className="button-small"
                    aria-label={`Copy ${workflow.name}`}
                    onClick={() =>
                      setEditing({
                        draft: toDraft(workflow, copyName(workflow.name, list.data!.workflows)),
                        existing: false,
                      })
                    }
                  >
                    Copy
                  </button>
                  {!workflow.builtin && (
                    <>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Edit ${workflow.name}`}
                        onClick={() => setEditing({ draft: toDraft(workflow), existing: true })}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Delete ${workflow.name}`}
                        onClick={() => void remove(workflow.name)}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ListActions
        newLabel="New workflow"
        onNew={() => setEditing({ draft: NEW_WORKFLOW, existing: false })}
        status={status}
        error={error}
      />
      {editing && list.data && (
        <WorkflowForm
          key={`${editing.draft.name}:${editing.existing}`}
          initial={editing.draft}
          existing={editing.existing}
          components={list.data.components}
          onCancel={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setStatus(`Saved workflow ${name}.`);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

function WorkflowForm({
  initial,
  existing,
  components,
  onCancel,
  onSaved,
}: {
  initial: Draft;
  existing: boolean;
  components: string[];
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = existing ? `Edit workflow ${initial.name}` : 'New workflow';

  const setStep = (index: number, change: Partial<DraftStep>) =>
    setDraft((d) => {
      const before = d.steps[index]!.component;
      // A step given another component keeps the steps that waited for it waiting for it.
      const renamed = (s: DraftStep) =>
        change.component && change.component !== before
          ? { ...s, dependsOn: s.dependsOn.map((x) => (x === before ? change.component! : x)) }
          : s;
      return { ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...change } : renamed(s))) };
    });
  const removeStep = (index: number) =>
    setDraft((d) => {
      const gone = d.steps[index]!.component;
      const steps = d.steps.filter((_, i) => i !== index);
      // What waited for the removed step no longer does: a dangling dependency would only be refused.
      return { ...d, steps: steps.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((x) => x !== gone) })) };
    });
  const addStep = () => {
    const unused = components.find((c) => !draft.steps.some((s) => s.component === c)) ?? components[0]!;
    const dependsOn = unused !== 'identity' && draft.steps.some((s) => s.component === 'identity') ? ['identity'] : [];
    setDraft((d) => ({ ...d, steps: [...d.steps, { component: unused, dependsOn, options: {} }] }));
  };
  const issuesAt = (field: string) => issues.filter((i) => i.field === field).map((i) => i.message);
  const general = issues.filter((i) => i.field === '' || i.field === 'steps' || i.field === 'description');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      const result = await crm()['workflows:save']({ workflow: draft });
      if (result.ok) onSaved(result.workflow.name);
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
        {existing ? (
          <p>
            Name: <strong>{draft.name}</strong>
          </p>
        ) : (
          <div>
            <TextField label="Name" value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} />
            <Issues messages={issuesAt('name')} />
          </div>
        )}
        <TextField
          label="Description"
          wide
          value={draft.description}
          onChange={(description) => setDraft((d) => ({ ...d, description }))}
        />
      </div>
      {general.length > 0 && (
        <ul className="field-error" role="alert" aria-label="Problems with the workflow">
          {general.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      {draft.steps.map((step, index) => (
        <StepFields
          key={index}
          index={index}
          step={step}
          others={[
            ...new Set([
              ...draft.steps.filter((_, i) => i !== index).map((s) => s.component),
              // A dependency on no step stays listed, so the analyst can untick what the check refuses.
              ...step.dependsOn,
            ]),
          ]}
          components={components}
          issuesAt={issuesAt}
          onChange={(change) => setStep(index, change)}
          onRemove={draft.steps.length > 1 ? () => removeStep(index) : undefined}
        />
      ))}
      <StepFormActions
        saveLabel="Save workflow"
        saving={saving}
        onAddStep={addStep}
        onCancel={onCancel}
        failure={failure}
      />
    </form>
  );
}

function StepFields({
  index,
  step,
  others,
  components,
  issuesAt,
  onChange,
  onRemove,
}: {
  index: number;
  step: DraftStep;
  others: string[];
  components: string[];
  issuesAt: (field: string) => string[];
  onChange: (change: Partial<DraftStep>) => void;
  onRemove?: () => void;
}) {
  const at = (field: string) => issuesAt(`steps[${index}]${field}`);
  const option = <K extends keyof StepOptions>(key: K, value: StepOptions[K] | '' | undefined) => {
    const options = { ...step.options };
    if (value === '' || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
      delete options[key];
    else options[key] = value;
    onChange({ options });
  };
  // A component this installation no longer has stays selectable, so its error can be read and fixed.
  const choices = components.includes(step.component) ? components : [step.component, ...components];
  return (
    <fieldset className="workflow-step" aria-label={`Step ${index + 1}`}>
      <legend>
        Step {index + 1}: {step.component}
      </legend>
      <div className="form-grid">
        <div>
          <SelectField
            label="Component"
            value={step.component}
            options={choices.map((c) => ({ value: c, label: c }))}
            onChange={(component) => onChange({ component })}
          />
          <Issues messages={at('.component')} />
        </div>
        <SelectField
          label="Search depth"
          value={step.options.searchDepth ?? ''}
          options={DEPTHS}
          onChange={(value) => option('searchDepth', value)}
        />
        <div>
          <NumberField
            label="Results per search"
            value={step.options.maxResults ?? Number.NaN}
            onChange={(value) => option('maxResults', value)}
          />
          <Issues messages={at('.options.maxResults')} />
        </div>
        {step.component === 'executives' && (
          <div>
            <NumberField
              label="Executives at most"
              value={step.options.maxExecutives ?? Number.NaN}
              onChange={(value) => option('maxExecutives', value)}
            />
            <Issues messages={at('.options.maxExecutives')} />
          </div>
        )}
        <SelectField
          label="Time range"
          value={step.options.timeRange ?? ''}
          options={RANGES}
          onChange={(value) => option('timeRange', value)}
        />
      </div>
      {others.length > 0 && (
        <div role="group" aria-label={`Step ${index + 1} waits for`} className="workflow-deps">
          <span className="muted">Waits for:</span>
          {others.map((other) => (
            <CheckboxField
              key={other}
              label={other}
              checked={step.dependsOn.includes(other)}
              onChange={(checked) =>
                onChange({
                  dependsOn: checked ? [...step.dependsOn, other] : step.dependsOn.filter((d) => d !== other),
                })
              }
            />
          ))}
        </div>
      )}
      <Issues messages={[...at(''), ...at('.dependsOn'), ...at('.options')]} />
      {onRemove && (
        <button type="button" className="button-small" onClick={onRemove} aria-label={`Remove step ${index + 1}`}>
          Remove step
        </button>
      )}
    </fieldset>
  );
}
