import { useId, useState, type DragEvent } from 'react';
import type { PickedFile } from '../../core/ipc/file-tokens';
import { crm, errorCode, errorMessage } from '../lib/crm';

/**
 * A file chosen with the OS dialog ("Browse…") or, to open, dropped on the field. Main answers with a
 * token for the file (the only way to name it to main) and its path, shown read-only: a typed path would
 * be a path from the renderer, which main refuses.
 */
export function PathField({ label, value, onChange, mode, extensions, defaultName }: { label: string; value: PickedFile | null; onChange: (file: PickedFile) => void; mode: 'open' | 'save'; extensions?: string[]; defaultName?: string }) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const browse = async () => {
    setNote(null);
    try {
      const { file } = await crm()['system:pickFile']({ mode, title: label, extensions, defaultName });
      if (file) onChange(file);
    } catch (error) {
      setNote(errorCode(error) === 'no_file_dialog' ? 'No file dialog here: files can be chosen only in the desktop app.' : errorMessage(error));
    }
  };
  const drop = async (event: DragEvent) => {
    const dropped = event.dataTransfer.files[0];
    if (mode !== 'open' || !dropped) return;
    event.preventDefault();
    const file = await crm().fileForDrop(dropped);
    setNote(file ? null : 'Dropped files need the desktop app: use Browse… instead.');
    if (file) onChange(file);
  };
  return (
    <div className="field field-wide" onDragOver={(e) => mode === 'open' && e.preventDefault()} onDrop={(e) => void drop(e)}>
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input id={id} value={value?.path ?? ''} readOnly spellCheck={false} placeholder={mode === 'open' ? 'Browse… or drop a file here' : 'Browse… to choose where to save'} onClick={() => void browse()} />
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
