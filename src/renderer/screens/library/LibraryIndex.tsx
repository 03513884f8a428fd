import { useRef, useState } from 'react';
import type { EventPayload, Response } from '../../../core/ipc/contract';
import { crm, errorCode, errorMessage } from '../../lib/crm';
import { useCrmEvent } from '../../lib/use-event';

type Summary = Response<'intel:libraryIndex'>;
type Progress = EventPayload<'intel:libraryProgress'>;
type State =
  | { kind: 'idle' }
  | { kind: 'running'; indexId: string; progress: Progress | null }
  | { kind: 'done'; summary: Summary }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

let indexCounter = 0;

/** Indexes the research folder (new and changed files only) with progress and cancel, then says what changed. */
export function LibraryIndex() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const current = useRef<string | null>(null);

  useCrmEvent('intel:libraryProgress', (progress) => {
    if (progress.indexId === current.current) setState((s) => (s.kind === 'running' ? { ...s, progress } : s));
  });

  const start = async () => {
    const indexId = `index-${Date.now()}-${++indexCounter}`;
    current.current = indexId;
    setState({ kind: 'running', indexId, progress: null });
    try {
      const summary = await crm()['intel:libraryIndex']({ indexId });
      setState({ kind: 'done', summary });
    } catch (error) {
      setState(
        errorCode(error) === 'cancelled' ? { kind: 'cancelled' } : { kind: 'error', message: errorMessage(error) },
      );
    } finally {
      current.current = null;
    }
  };
  const cancel = async (indexId: string) => {
    try {
      await crm()['intel:libraryCancel']({ indexId });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  };

  const progress = state.kind === 'running' ? state.progress : null;
  return (
    <div className="library-index">
      <div className="form-actions">
        {state.kind === 'running' ? (
          <button type="button" onClick={() => void cancel(state.indexId)}>
            Cancel indexing
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => void start()}>
            Index folder
          </button>
        )}
        <span
          className={state.kind === 'error' ? 'field-error' : 'muted'}
          role={state.kind === 'error' ? 'alert' : 'status'}
        >
          {statusText(state)}
        </span>
      </div>
      {state.kind === 'running' && (
        <progress
          className="import-progress"
          aria-label="Indexing progress"
          max={progress?.total || 1}
          value={progress?.done ?? 0}
        />
      )}
      {state.kind === 'done' && state.summary.warnings.length > 0 && (
        <ul className="enrichment-failures" aria-label="Documents not indexed">
          {state.summary.warnings.map((w) => (
            <li key={`${w.path}:${w.message}`}>
              <span className="enrichment-company">{w.path}</span>
              <span className="muted">{w.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function statusText(state: State): string {
  switch (state.kind) {
    case 'idle':
      return 'Only new and changed documents are read.';
    case 'running':
      return state.progress
        ? `Read ${state.progress.done.toLocaleString()} of ${state.progress.total.toLocaleString()} new or changed documents…`
        : 'Looking for new and changed documents…';
    case 'cancelled':
      return 'Indexing cancelled: the documents read so far are searchable; Index folder reads the rest.';
    case 'error':
      return state.message;
    case 'done': {
      const { added, updated, removed, unchanged, warnings } = state.summary;
      return `Indexed: ${added} added, ${updated} updated, ${removed} removed, ${unchanged} unchanged${warnings.length ? `; ${warnings.length} not indexed (below)` : ''}.`;
    }
  }
}
