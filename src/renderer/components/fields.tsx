import { useId, type HTMLInputTypeAttribute } from 'react';

interface FieldProps<T> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  /** What is wrong with the value, shown under the field and read with it. */
  error?: string;
}

/** The ARIA attributes tying a field to its error, and the error itself. */
function fieldError(id: string, error: string | undefined) {
  const errorId = `${id}-error`;
  return {
    aria: error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {},
    message: error ? (
      <p id={errorId} className="field-error">
        {error}
      </p>
    ) : null,
  };
}

export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  placeholder,
  autoComplete,
  wide,
  error,
}: FieldProps<string> & {
  type?: HTMLInputTypeAttribute;
  placeholder?: string;
  autoComplete?: string;
  wide?: boolean;
}) {
  const id = useId();
  const invalid = fieldError(id, error);
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...invalid.aria}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
      />
      {invalid.message}
    </div>
  );
}

export function TextAreaField({ label, value, onChange, rows = 3, error }: FieldProps<string> & { rows?: number }) {
  const id = useId();
  const invalid = fieldError(id, error);
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} {...invalid.aria} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} />
      {invalid.message}
    </div>
  );
}

/** An empty box is sent as NaN so the settings validation names the field instead of saving a zero. */
export function NumberField({
  label,
  value,
  onChange,
  placeholder,
  error,
}: FieldProps<number> & { placeholder?: string }) {
  const id = useId();
  const invalid = fieldError(id, error);
  return (
    <div className="field field-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...invalid.aria}
        type="number"
        inputMode="decimal"
        value={Number.isFinite(value) ? value : ''}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
      {invalid.message}
    </div>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  onChange,
  options,
  error,
}: FieldProps<T> & { options: readonly { value: T; label: string }[] }) {
  const id = useId();
  const invalid = fieldError(id, error);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...invalid.aria} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {invalid.message}
    </div>
  );
}
