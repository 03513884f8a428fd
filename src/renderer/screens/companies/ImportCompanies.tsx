import { useState } from 'react';
import type { Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';

type Summary = Response<'companies:import'>;

/**
 * A list of company names and/or websites imported as companies (no people): pick the file, see the counts
 * and each rejected row by row and column, undo the import. Columns are matched as for leads.
 */
export function ImportCompanies({ onChanged }: { onChanged: () => void }) {
  const [state, setState] = useState<{ busy: boolean; summary?: Summary; error?: string; undone?: number }>({
    busy: false,
  });

  const pickAndImport = async () => {
    setState({ busy: true });
    try {
      const { file } = await crm()['system:pickFile']({
        mode: 'open',
        title: 'Import a list of companies',
        extensions: ['csv', 'tsv', 'txt', 'xlsx'],
      });
      if (!file) return setState({ busy: false });
      const summary = await crm()['companies:import']({ file: file.token });
      setState({ busy: false, summary });
      onChanged();
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };

  const undo = async (importId: number) => {
    setState((s) => ({ ...s, busy: true }));
    try {
      await crm()['imports:undo']({ importId });
      setState({ busy: false, undone: importId });
      onChanged();
    } catch (error) {
      setState((s) => ({ ...s, busy: false, error: errorMessage(error) }));
    }
  };

  const { summary } = state;
  return (
    <div className="company-import">
      <button type="button" disabled={state.busy} onClick={() => void pickAndImport()}>
        {state.busy && !summary ? 'Importing…' : 'Import companies…'}
      </button>
      {(summary || state.error || state.undone) && (
        <section className="card" aria-label="Company import">
          {state.undone !== undefined && (
            <p role="status">Import #{state.undone} undone: the companies it added are gone.</p>
          )}
          {summary && summary.importId !== null && state.undone === undefined && (
            <>
              <p role="status">
                Import #{summary.importId}: {summary.rowsTotal.toLocaleString()} rows,{' '}
                {summary.imported.toLocaleString()} new companies, {summary.duplicates.toLocaleString()} already known,{' '}
                {summary.rejected.toLocaleString()} rejected.
              </p>
              {summary.errors.length > 0 && (
                <ul className="issue-list" aria-label="Rejected rows">
                  {summary.errors.slice(0, 200).map((e, i) => (
                    <li key={i}>
                      Row {e.row}
                      {e.column && `, ${e.column}`}: {e.message}
                    </li>
                  ))}
                </ul>
              )}
              <button
                type="button"
                className="button-danger button-small"
                disabled={state.busy}
                onClick={() => void undo(summary.importId!)}
              >
                Undo import #{summary.importId}
              </button>
            </>
          )}
          {state.error && (
            <p className="field-error" role="alert">
              {state.error}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
