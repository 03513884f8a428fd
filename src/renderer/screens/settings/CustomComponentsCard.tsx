import { useRef } from 'react';
import type { Settings } from '../../../core/settings/schema';
import {
  BUILTIN_COMPONENT_ENTRIES,
  defaultCustomComponentOptions,
  type CustomComponentOptions,
} from '../../../core/settings/component-settings';
import { CheckboxField, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { SettingsSection } from './SettingsSection';
import type { FieldIssues } from './field-issues';
import { same, type CardProps } from './settings-card';

type CustomComponent = Settings['intel']['customComponents'][number];
type CustomField = CustomComponent['fields'][number];

const PATH = 'intel.customComponents';

const DEPTHS = [
  { value: '', label: 'Component default' },
  { value: 'basic', label: 'Basic' },
  { value: 'advanced', label: 'Advanced' },
] as const;

/** An empty number box is "not set" here (the component's own choice), not a value to refuse. */
const orNull = (value: number) => (Number.isFinite(value) ? value : null);

const newField = (): CustomField => ({ name: '', description: '', keywords: [] });
const newComponent = (): CustomComponent => ({
  name: '',
  queries: [],
  fields: [newField()],
  dependsOn: ['identity'],
});

/** Blank lines in a one-per-line box lay the text out; they are not values. */
const nonBlank = (lines: readonly string[]) => lines.filter((line) => line.trim() !== '');

/**
 * What is saved for the drafts: blank lines left out, and keys in the schema's order so a saved list
 * compares equal to the draft it came from.
 */
function toSave(components: readonly CustomComponent[]): CustomComponent[] {
  return components.map(({ name, queries, fields, dependsOn }) => ({
    name,
    queries: nonBlank(queries),
    fields: fields.map((field) => ({
      name: field.name,
      description: field.description,
      pattern: field.pattern,
      keywords: nonBlank(field.keywords),
    })),
    dependsOn: nonBlank(dependsOn),
  }));
}

/**
 * Each component's options (`components.<name>`), in the list's order; a component without an entry has the
 * defaults, as has one whose name is (while typed, or refused) a built-in's, whose entry is not its own.
 */
function optionsOf(settings: Settings): CustomComponentOptions[] {
  return settings.intel.customComponents.map(({ name }) =>
    BUILTIN_COMPONENT_ENTRIES.includes(name)
      ? defaultCustomComponentOptions()
      : (settings.components[name] ?? defaultCustomComponentOptions()),
  );
}

/** The options to save, under each component's name as it will be saved (the schema drops any other name's). */
const optionsByName = (components: readonly CustomComponent[], options: readonly CustomComponentOptions[]) =>
  Object.fromEntries(
    components.flatMap((component, index) =>
      BUILTIN_COMPONENT_ENTRIES.includes(component.name) ? [] : [[component.name, options[index]!]],
    ),
  );

/**
 * The issue for a one-per-line list: the list's own (too few, too many), else its first entry's, named by
 * its place among the non-blank lines (the indexes the saved list, and so the schema, counts).
 */
function listIssue(errors: FieldIssues, path: string, entry: string): string | undefined {
  if (errors[path]) return errors[path];
  const at = Object.keys(errors).find((field) => field.startsWith(`${path}.`));
  return at && `${entry} ${Number(at.slice(path.length + 1)) + 1}: ${errors[at]}`;
}

/**
 * The lookup's custom components (`intel.customComponents`): search queries with {company} and {domain},
 * the fields read from the pages found, and how each searches (`components.<name>`). Checked by the settings
 * schema, each message beside its field.
 */
export function CustomComponentsCard({ saved, draft, edit, save, errors }: CardProps) {
  const components = draft.intel.customComponents;
  // A name typed through a built-in's ("news" on the way to "newsletter") has no entry of its own meanwhile: the
  // options it had are kept by place until it has a name of its own again.
  const kept = useRef<CustomComponentOptions[]>([]);
  const options = optionsOf(draft).map((own, index) =>
    BUILTIN_COMPONENT_ENTRIES.includes(components[index]!.name) ? (kept.current[index] ?? own) : own,
  );
  kept.current = options;
  // A component and its options move together (kept by place, so renaming one keeps its options).
  const setList = (customComponents: CustomComponent[], listOptions: CustomComponentOptions[]) =>
    edit((d) => ({
      ...d,
      intel: { ...d.intel, customComponents },
      components: { ...d.components, ...optionsByName(customComponents, listOptions) },
    }));
  const update = (index: number, change: Partial<CustomComponent>) =>
    setList(
      components.map((c, i) => (i === index ? { ...c, ...change } : c)),
      options,
    );
  const updateOptions = (index: number, change: Partial<CustomComponentOptions>) =>
    setList(
      components,
      options.map((o, i) => (i === index ? { ...o, ...change } : o)),
    );
  const saving = toSave(components);
  return (
    <SettingsSection
      title="Custom components"
      description="Lookup steps of your own: searches ({company} and {domain} are filled in) and the fields read from the pages found, by the LLM or, without one, by a pattern's group or keywords."
      dirty={!same(saving, saved.intel.customComponents) || !same(options, optionsOf(saved))}
      onSave={() =>
        save(
          { intel: { customComponents: saving }, components: optionsByName(saving, options) },
          (field) => field.startsWith(PATH) || field.startsWith('components.'),
        )
      }
    >
      {components.map((component, index) => (
        <ComponentEditor
          key={index}
          index={index}
          component={component}
          options={options[index]!}
          sharedCacheHours={draft.cacheTtlHours.custom}
          errors={errors}
          onChange={(change) => update(index, change)}
          onOptions={(change) => updateOptions(index, change)}
          onRemove={() =>
            setList(
              components.filter((_, i) => i !== index),
              options.filter((_, i) => i !== index),
            )
          }
        />
      ))}
      {errors[PATH] && <p className="field-error">{errors[PATH]}</p>}
      <div>
        <button
          type="button"
          className="button-small"
          onClick={() => setList([...components, newComponent()], [...options, defaultCustomComponentOptions()])}
        >
          Add a component
        </button>
      </div>
    </SettingsSection>
  );
}

function ComponentEditor({
  index,
  component,
  options,
  sharedCacheHours,
  errors,
  onChange,
  onOptions,
  onRemove,
}: {
  index: number;
  component: CustomComponent;
  options: CustomComponentOptions;
  sharedCacheHours: number;
  errors: FieldIssues;
  onChange: (change: Partial<CustomComponent>) => void;
  onOptions: (change: Partial<CustomComponentOptions>) => void;
  onRemove: () => void;
}) {
  const path = `${PATH}.${index}`;
  const label = `Custom component ${index + 1}`;
  const fieldsIssue = errors[`${path}.fields`];
  return (
    <fieldset className="custom-component">
      <legend>{label}</legend>
      <div className="form-grid">
        <TextField
          label="Component name"
          value={component.name}
          placeholder="pricing"
          onChange={(name) => onChange({ name })}
          error={errors[`${path}.name`]}
        />
        <TextAreaField
          label="Search queries, one per line"
          value={component.queries.join('\n')}
          onChange={(text) => onChange({ queries: text.split('\n') })}
          rows={2}
          error={listIssue(errors, `${path}.queries`, 'query')}
        />
        <TextAreaField
          label="Runs after, one component per line"
          value={component.dependsOn.join('\n')}
          onChange={(text) => onChange({ dependsOn: text.split('\n') })}
          rows={1}
          error={listIssue(errors, `${path}.dependsOn`, 'line')}
        />
      </div>
      <OptionsEditor
        path={`components.${component.name}`}
        options={options}
        sharedCacheHours={sharedCacheHours}
        errors={errors}
        onChange={onOptions}
      />
      {component.fields.map((field, fieldIndex) => (
        <FieldEditor
          key={fieldIndex}
          label={`Field ${fieldIndex + 1}`}
          path={`${path}.fields.${fieldIndex}`}
          field={field}
          errors={errors}
          onChange={(change) =>
            onChange({ fields: component.fields.map((f, i) => (i === fieldIndex ? { ...f, ...change } : f)) })
          }
          onRemove={() => onChange({ fields: component.fields.filter((_, i) => i !== fieldIndex) })}
        />
      ))}
      {fieldsIssue && <p className="field-error">Fields: {fieldsIssue}</p>}
      <div className="notice-actions">
        <button
          type="button"
          className="button-small"
          aria-label={`Add a field to custom component ${index + 1}`}
          onClick={() => onChange({ fields: [...component.fields, newField()] })}
        >
          Add a field
        </button>
        <button type="button" className="button-small" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove component
        </button>
      </div>
    </fieldset>
  );
}

/** How the component searches and how long its answers are reused (`components.<name>`), as the built-ins have. */
function OptionsEditor({
  path,
  options,
  sharedCacheHours,
  errors,
  onChange,
}: {
  path: string;
  options: CustomComponentOptions;
  sharedCacheHours: number;
  errors: FieldIssues;
  onChange: (change: Partial<CustomComponentOptions>) => void;
}) {
  return (
    <fieldset className="form-grid">
      <legend>Lookup options</legend>
      <CheckboxField label="Runs in lookups" checked={options.enabled} onChange={(enabled) => onChange({ enabled })} />
      <SelectField
        label="Search depth"
        value={options.searchDepth ?? ''}
        options={DEPTHS}
        onChange={(depth) => onChange({ searchDepth: depth || null })}
        error={errors[`${path}.searchDepth`]}
      />
      <NumberField
        label="Results per search"
        value={options.maxResults ?? Number.NaN}
        placeholder="component default"
        onChange={(value) => onChange({ maxResults: orNull(value) })}
        error={errors[`${path}.maxResults`]}
      />
      <NumberField
        label="Cache lifetime (hours)"
        value={options.cacheTtlHours ?? Number.NaN}
        placeholder={`${sharedCacheHours}, as custom components`}
        onChange={(value) => onChange({ cacheTtlHours: orNull(value) })}
        error={errors[`${path}.cacheTtlHours`]}
      />
    </fieldset>
  );
}

function FieldEditor({
  label,
  path,
  field,
  errors,
  onChange,
  onRemove,
}: {
  label: string;
  path: string;
  field: CustomField;
  errors: FieldIssues;
  onChange: (change: Partial<CustomField>) => void;
  onRemove: () => void;
}) {
  return (
    <fieldset className="form-grid">
      <legend>{label}</legend>
      <TextField
        label="Field name"
        value={field.name}
        onChange={(name) => onChange({ name })}
        error={errors[`${path}.name`]}
      />
      <TextField
        label="Pattern (regular expression)"
        value={field.pattern ?? ''}
        placeholder="(\d+) employees"
        onChange={(pattern) => onChange({ pattern: pattern || undefined })}
        error={errors[`${path}.pattern`]}
      />
      <TextAreaField
        label="Keywords, one per line"
        value={field.keywords.join('\n')}
        onChange={(text) => onChange({ keywords: text.split('\n') })}
        rows={2}
        error={listIssue(errors, `${path}.keywords`, 'keyword')}
      />
      <TextAreaField
        label="Description (what the LLM looks for)"
        value={field.description}
        onChange={(description) => onChange({ description })}
        rows={2}
        error={errors[`${path}.description`]}
      />
      <div>
        <button type="button" className="button-small" aria-label={`Remove ${label.toLowerCase()}`} onClick={onRemove}>
          Remove field
        </button>
      </div>
    </fieldset>
  );
}
