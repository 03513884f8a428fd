import { useState } from 'react';
import type { RejectedRow } from '../../../core/leads/import/import-store';
import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { ErrorBanner, Skeleton } from '../../components/feedback';

type Fix = { row: number; values: Record<string, string> };

/** Rejected rows with their errors; the columns at fault are editable, and "Retry" re-imports the fixed rows. */
export function RejectedRows({
  importId,
  onRetry,
}: {
  importId: number;
  onRetry: (importId: number, fixes: Fix[]) => Promise<void>;
}) {
  const rejected = useLoad(() => crm()['imports:rejected']({ importId, limit: 200 }), `rejected:${importId}`);
  const [edits, setEdits] = useState<Record<number, Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const rows = rejected.data?.rows ?? [];
  const retry = async () => {
    setBusy(true);
    await onRetry(
      importId,
      rows.map((r) => ({ row: r.row, values: { ...r.raw, ...edits[r.row] } })),
    );
    setBusy(false);
  };
  return (
    <section className="card" aria-label="Rejected rows">
      <h2>Rejected rows</h2>
      <p className="muted">
        These rows were not imported. Correct the values marked below and retry; the fixed rows are imported with the
        same column mapping.
      </p>
      {rejected.state === 'error' && <ErrorBanner message={rejected.error} onRetry={rejected.reload} />}
      {rejected.state === 'loading' && <Skeleton lines={3} label="Loading rejected rows" />}
      {rows.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void retry();
          }}
        >
          <ul className="rejected-list">
            {rows.map((r) => (
              <RejectedRowEditor
                key={r.row}
                row={r}
                values={edits[r.row] ?? {}}
                onChange={(column, value) =>
                  setEdits((all) => ({ ...all, [r.row]: { ...all[r.row], [column]: value } }))
                }
              />
            ))}
          </ul>
          {rejected.data && rejected.data.total > rows.length && (
            <p className="muted">
              Showing the first {rows.length} of {rejected.data.total} rejected rows.
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Retrying…' : `Retry ${rows.length} fixed ${rows.length === 1 ? 'row' : 'rows'}`}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function RejectedRowEditor({
  row,
  values,
  onChange,
}: {
  row: RejectedRow;
  values: Record<string, string>;
  onChange: (column: string, value: string) => void;
}) {
  const atFault = [...new Set(row.errors.map((e) => e.column).filter((c): c is string => c !== null))];
  const editable = atFault.length > 0 ? atFault : Object.keys(row.raw);
  return (
    <li className="rejected-row">
      <h3>Row {row.row}</h3>
      <ul className="issue-list" aria-label={`Problems in row ${row.row}`}>
        {row.errors.map((e, i) => (
          <li key={i} className="field-error">
            {e.column ? `${e.column}: ` : ''}
            {e.message}
          </li>
        ))}
      </ul>
      <div className="form-grid">
        {editable.map((column) => (
          <div key={column} className="field">
            <label htmlFor={`fix-${row.row}-${column}`}>{`${column} (row ${row.row})`}</label>
            <input
              id={`fix-${row.row}-${column}`}
              value={values[column] ?? row.raw[column] ?? ''}
              aria-invalid={atFault.includes(column)}
              onChange={(e) => onChange(column, e.target.value)}
            />
          </div>
        ))}
      </div>
    </li>
  );
}
