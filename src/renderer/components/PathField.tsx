import { useId, useState } from 'react';
import { crm, errorCode, errorMessage } from '../lib/crm';

/**
 * A file path: typed, or chosen with the OS dialog ("Browse…"). Where there is no dialog (a browser
 * window) the button says so and the typed path is used.
 */
export function PathField({ label, value, onChange, mode, extensions, defaultName }: { label: string; value: string; onChange: (path: string) => void; mode: 'open' | 'save'; extensions?: string[]; defaultName?: string }) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const browse = async () => {
    setNote(null);
    try {
      const { path } = await crm()['system:pickFile']({ mode, title: label, extensions, defaultName });
      if (path) onChange(path);
    } catch (error) {
      setNote(errorCode(error) === 'no_file_dialog' ? 'No file dialog here: type the full path.' : errorMessage(error));
    }
  };
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input id={id} value={value} spellCheck={false} autoComplete="off" placeholder={mode === 'open' ? '/home/you/leads.csv' : `/home/you/${defaultName ?? 'export.csv'}`} onChange={(e) => onChange(e.target.value)} />
        <button type="button" onClick={() => void browse()}>
          Browse…
        </button>
      </div>
      <span className="muted field-note" aria-live="polite">
        {note ?? ''}
      </span>
    </div>
  );
}
