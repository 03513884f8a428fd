import { useState } from 'react';
import { crm, errorMessage } from '../../lib/crm';
import type { ImportSummary } from './ImportWizard';
import { GenerateDrafts } from './GenerateDrafts';

/** The final counts of an import, its warnings, and undo. */
export function ImportResult({
  summary,
  fixedOf,
  onUndone,
}: {
  summary: ImportSummary;
  fixedOf?: number;
  onUndone: () => void;
}) {
  const [undo, setUndo] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const counts = [
    ['Imported', summary.imported],
    ['Duplicates', summary.duplicates],
    ['Rejected', summary.rejected],
    ['Warnings', summary.warnings.length],
  ] as const;
  const undoImport = async (importId: number) => {
    setUndo({ busy: true });
    try {
      await crm()['imports:undo']({ importId });
      onUndone();
    } catch (error) {
      setUndo({ busy: false, error: errorMessage(error) });
    }
  };
  return (
    <section className="card" aria-label="Import result">
      <h2>
        {fixedOf !== undefined
          ? `Fixed rows of import #${fixedOf} imported`
          : summary.importId !== null
            ? `Import #${summary.importId} finished`
            : 'Dry run finished'}
      </h2>
      <dl className="counts">
        {counts.map(([label, value]) => (
          <div key={label} className="count">
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{summary.rowsTotal.toLocaleString()} rows read.</p>
      {summary.warnings.length > 0 && (
        <details>
          <summary>Warnings ({summary.warnings.length}): kept, but worth a look</summary>
          <ul className="issue-list">
            {summary.warnings.slice(0, 200).map((w, i) => (
              <li key={i}>
                Row {w.row}
                {w.column && `, ${w.column}`}: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary.importId !== null && (
        <div className="form-actions">
          {summary.imported > 0 && <GenerateDrafts importId={summary.importId} />}
          <span className="spacer" />
          <button
            type="button"
            className="button-danger"
            disabled={undo.busy}
            onClick={() => void undoImport(summary.importId!)}
          >
            {undo.busy ? 'Undoing…' : `Undo import #${summary.importId}`}
          </button>
        </div>
      )}
      {undo.error && (
        <p className="field-error" role="alert">
          {undo.error}
        </p>
      )}
    </section>
  );
}
