import { useState } from 'react';
import type { Response } from '../../../core/ipc/contract';
import type { ColumnMapping } from '../../../core/leads/fields';
import type { PickedFile } from '../../../core/ipc/file-tokens';
import { crm, errorMessage } from '../../lib/crm';

type Summary = Response<'companies:import'>;
type Preview = Response<'imports:preview'>;

/** The file picked, as the lead import's reader saw it, and the two columns a company list is read from. */
interface Columns {
  file: PickedFile;
  preview: Preview;
  /** A column's name, or '' for none. */
  name: string;
  website: string;
}

/** The columns the core reads company names from (a list headed "Name" maps to a person's name) and websites from. */
const NAME_TARGETS = ['company', 'fullName'];

function columnsOf(file: PickedFile, preview: Preview): Columns {
  const first = (targets: string[]) =>
    targets.map((t) => preview.columns.find((c) => c.target === t)?.column).find(Boolean) ?? '';
  return { file, preview, name: first(NAME_TARGETS), website: first(['website']) };
}

/**
 * The analyst's two choices as overrides of the automatic mapping: the chosen columns become `company` and
 * `website`, and any other column the mapping read names or websites from is skipped, so only the chosen
 * ones are read.
 */
function companyOverrides({ preview, name, website }: Columns): ColumnMapping {
  const overrides: ColumnMapping = {};
  for (const { column, target } of preview.columns) {
    const wanted =
      column === name
        ? 'company'
        : column === website
          ? 'website'
          : [...NAME_TARGETS, 'website'].includes(target)
            ? 'skip'
            : target;
    if (wanted !== target) overrides[column] = wanted;
  }
  return overrides;
}

/** A few values of a column from the preview's first rows, so the analyst sees what it holds. */
function samples(preview: Preview, column: string): string {
  const index = preview.headers.indexOf(column);
  if (index === -1) return '';
  const values = preview.sampleRows.map((r) => r.cells[index]?.trim()).filter(Boolean);
  return values.length ? `e.g. ${values.slice(0, 3).join(', ')}` : 'empty in the first rows';
}

/**
 * A list of company names and/or websites imported as companies (no people), through the lead import's
 * reader and mapping: pick the file, check (or change) the column of names and of websites and the sheet,
 * import, see the counts and each rejected row by row and column, undo the import.
 */
export function ImportCompanies({ onChanged }: { onChanged: () => void }) {
  const [state, setState] = useState<{
    busy: boolean;
    columns?: Columns;
    summary?: Summary;
    error?: string;
    undone?: number;
  }>({ busy: false });

  const pick = async () => {
    setState({ busy: true });
    try {
      const { file } = await crm()['system:pickFile']({
        mode: 'open',
        title: 'Import a list of companies',
        extensions: ['csv', 'tsv', 'txt', 'xlsx'],
      });
      if (!file) return setState({ busy: false });
      setState({ busy: false, columns: columnsOf(file, await crm()['imports:preview']({ file: file.token })) });
    } catch (error) {
      setState({ busy: false, error: errorMessage(error) });
    }
  };

  const chooseSheet = async (columns: Columns, sheet: string) => {
    setState({ busy: true, columns });
    try {
      const preview = await crm()['imports:preview']({ file: columns.file.token, sheet });
      setState({ busy: false, columns: columnsOf(columns.file, preview) });
    } catch (error) {
      setState({ busy: false, columns, error: errorMessage(error) });
    }
  };

  const importColumns = async (columns: Columns) => {
    setState({ busy: true, columns });
    try {
      const summary = await crm()['companies:import']({
        file: columns.file.token,
        sheet: columns.preview.sheet,
        overrides: companyOverrides(columns),
      });
      setState({ busy: false, summary });
      onChanged();
    } catch (error) {
      setState({ busy: false, columns, error: errorMessage(error) });
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

  const { summary, columns } = state;
  const setColumn = (key: 'name' | 'website', column: string) =>
    setState((s) => ({ ...s, error: undefined, columns: s.columns && { ...s.columns, [key]: column } }));
  return (
    <div className="company-import">
      <button type="button" disabled={state.busy} onClick={() => void pick()}>
        Import companies…
      </button>
      {(columns || summary || state.error || state.undone) && (
        <section className="card" aria-label="Company import">
          {columns && (
            <>
              <p>
                From {columns.file.path}
                {columns.preview.sheet && `, sheet “${columns.preview.sheet}”`}: which columns hold the companies?
              </p>
              {columns.preview.alreadyImported.length > 0 && (
                <p className="muted">
                  This file was imported before (import #{columns.preview.alreadyImported[0]!.id}); companies already
                  known are counted, not added again.
                </p>
              )}
              <div className="form-grid">
                {columns.preview.sheets && columns.preview.sheets.length > 1 && (
                  <div className="field">
                    <label htmlFor="company-import-sheet">Sheet</label>
                    <select
                      id="company-import-sheet"
                      value={columns.preview.sheet}
                      disabled={state.busy}
                      onChange={(e) => void chooseSheet(columns, e.target.value)}
                    >
                      {columns.preview.sheets.map((sheet) => (
                        <option key={sheet} value={sheet}>
                          {sheet}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
                {(
                  [
                    ['name', 'Company names from', 'company-import-name'],
                    ['website', 'Websites from', 'company-import-website'],
                  ] as const
                ).map(([key, label, id]) => (
                  <div className="field" key={key}>
                    <label htmlFor={id}>{label}</label>
                    <select
                      id={id}
                      value={columns[key]}
                      aria-describedby={`${id}-samples`}
                      onChange={(e) => setColumn(key, e.target.value)}
                    >
                      <option value="">(no column)</option>
                      {columns.preview.columns.map(({ column }) => (
                        <option key={column} value={column}>
                          {column}
                        </option>
                      ))}
                    </select>
                    <span id={`${id}-samples`} className="muted column-samples">
                      {columns[key] ? samples(columns.preview, columns[key]) : ''}
                    </span>
                  </div>
                ))}
              </div>
              <div className="toolbar">
                <button
                  type="button"
                  className="button-primary"
                  disabled={state.busy || (!columns.name && !columns.website)}
                  onClick={() => void importColumns(columns)}
                >
                  {state.busy ? 'Importing…' : 'Import these companies'}
                </button>
                <button type="button" disabled={state.busy} onClick={() => setState({ busy: false })}>
                  Cancel
                </button>
                {!columns.name && !columns.website && (
                  <span className="muted">Choose the column of names, of websites, or both.</span>
                )}
              </div>
            </>
          )}
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
