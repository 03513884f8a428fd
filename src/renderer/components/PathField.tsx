import { useId, useState, type DragEvent } from 'react';
import type { FileMode, PickedFile } from '../../core/ipc/file-tokens';
import { crm, errorCode, errorMessage } from '../lib/crm';

const PLACEHOLDERS: Record<FileMode, string> = {
  open: 'Browse… or drop a file here',
  save: 'Browse… to choose where to save',
  folder: 'Browse… to choose a folder',
};

/**
 * A file or folder chosen with the OS dialog ("Browse…") or, to open, dropped on the field. Main answers
 * with a token for it (the only way to name it to main) and its path, shown read-only: a typed path would
 * be a path from the renderer, which main refuses. `onClear`, when given, offers to choose none.
 */
export function PathField({
  label,
  path,
  onChange,
  onClear,
  mode,
  extensions,
  defaultName,
}: {
  label: string;
  path: string;
  onChange: (file: PickedFile) => void;
  onClear?: () => void;
  mode: FileMode;
  extensions?: string[];
  defaultName?: string;
}) {
  const id = useId();
  const [note, setNote] = useState<string | null>(null);
  const browse = async () => {
    setNote(null);
    try {
      const { file } = await crm()['system:pickFile']({ mode, title: label, extensions, defaultName });
      if (file) onChange(file);
    } catch (error) {
      setNote(
        errorCode(error) === 'no_file_dialog'
          ? 'No file dialog here: files can be chosen only in the desktop app.'
          : errorMessage(error),
      );
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
    <div
      className="field field-wide"
      onDragOver={(e) => mode === 'open' && e.preventDefault()}
      onDrop={(e) => void drop(e)}
    >
      <label htmlFor={id}>{label}</label>
      <div className="path-row">
        <input
          id={id}
          value={path}
          readOnly
          spellCheck={false}
          placeholder={PLACEHOLDERS[mode]}
          onClick={() => void browse()}
        />
        <button type="button" onClick={() => void browse()}>
          Browse…
        </button>
        {onClear && path && (
          <button type="button" className="button-quiet" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      <span className="muted field-note" aria-live="polite">
        {note ?? ''}
      </span>
    </div>
  );
}
