import { useId, useState, type DragEvent } from 'react';
import { crm, errorCode, errorMessage } from '../lib/crm';

/**
 * A file path: typed, chosen with the OS dialog ("Browse…"), or (to open) dropped on the field. Where
 * there is no dialog or no file system (a browser window) it says so and the typed path is used.
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
  const drop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (mode !== 'open' || !file) return;
    event.preventDefault();
    const path = crm().pathForFile(file);
    setNote(path ? null : 'Dropped files need the desktop app here: type the full path.');
    if (path) onChange(path);
  };
  return (
    <div className="field field-wide" onDragOver={(e) => mode === 'open' && e.preventDefault()} onDrop={drop}>
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
