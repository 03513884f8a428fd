import type { Settings } from '../../../core/settings/schema';
import { TextAreaField, TextField } from '../../components/fields';
import { SettingsSection } from './SettingsSection';
import type { FieldIssues } from './field-issues';
import { same, type CardProps } from './settings-card';

type CustomComponent = Settings['intel']['customComponents'][number];
type CustomField = CustomComponent['fields'][number];

const PATH = 'intel.customComponents';

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
 * and the fields read from the pages found. Checked by the settings schema, each message beside its field.
 */
export function CustomComponentsCard({ saved, draft, edit, save, errors }: CardProps) {
  const components = draft.intel.customComponents;
  const setComponents = (customComponents: CustomComponent[]) =>
    edit((d) => ({ ...d, intel: { ...d.intel, customComponents } }));
  const update = (index: number, change: Partial<CustomComponent>) =>
    setComponents(components.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <SettingsSection
      title="Custom components"
      description="Lookup steps of your own: searches ({company} and {domain} are filled in) and the fields read from the pages found, by the LLM or, without one, by a pattern's group or keywords."
      dirty={!same(toSave(components), saved.intel.customComponents)}
      onSave={() => save({ intel: { customComponents: toSave(components) } }, (field) => field.startsWith(PATH))}
    >
      {components.map((component, index) => (
        <ComponentEditor
          key={index}
          index={index}
          component={component}
          errors={errors}
          onChange={(change) => update(index, change)}
          onRemove={() => setComponents(components.filter((_, i) => i !== index))}
        />
      ))}
      {errors[PATH] && <p className="field-error">{errors[PATH]}</p>}
      <div>
        <button type="button" className="button-small" onClick={() => setComponents([...components, newComponent()])}>
          Add a component
        </button>
      </div>
    </SettingsSection>
  );
}

function ComponentEditor({
  index,
  component,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  component: CustomComponent;
  errors: FieldIssues;
  onChange: (change: Partial<CustomComponent>) => void;
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
