import { useRef, useState } from 'react';
import { DUPLICATE_POLICIES, type ColumnTarget, type DuplicatePolicy } from '../../../core/leads/fields';
import type { EventPayload, Response } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { useCrmEvent } from '../../lib/use-event';
import { ErrorBanner, Notice } from '../../components/feedback';
import { PathField } from '../../components/PathField';
import type { PickedFile } from '../../../core/ipc/file-tokens';
import { MappingTable } from './MappingTable';
import { RejectedRows } from './RejectedRows';
import { ImportResult } from './ImportResult';
import { EnrichCompanies } from './EnrichCompanies';

type Preview = Response<'imports:preview'>;
export type ImportSummary = Response<'imports:start'>;
type Progress = EventPayload<'import:progress'>;

type Step =
  | { kind: 'pick'; busy: boolean }
  | { kind: 'mapping'; preview: Preview; mapping: Record<string, ColumnTarget> }
  | { kind: 'running'; jobId: string; rowsTotal: number }
  /** `fixedOf`: the import whose rejected rows this run re-imported. */
  | { kind: 'done'; summary: ImportSummary; fixedOf?: number };

const STEPS = ['File', 'Columns', 'Import', 'Result'] as const;
const stepIndex = (kind: Step['kind']) => ({ pick: 0, mapping: 1, running: 2, done: 3 })[kind];
const DUPLICATE_LABELS: Record<DuplicatePolicy, string> = {
  skip: 'Skip them',
  update: 'Update them with the new values',
  merge: 'Fill in only their empty fields',
};

let jobCounter = 0;

/** The columns step for a preview, each column mapped as matched. */
const toMapping = (result: Preview): Step => ({
  kind: 'mapping',
  preview: result,
  mapping: Object.fromEntries(result.columns.map((c) => [c.column, c.target])),
});

/** Import a CSV/XLSX file: pick it, check the column matches, run with progress and cancel, fix rejected rows, undo. */
export function ImportWizard({ onClose }: { onClose: (importId?: number) => void }) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick', busy: false });
  const [error, setError] = useState<string | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<DuplicatePolicy>('skip');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [switchingSheet, setSwitchingSheet] = useState(false);
  const jobRef = useRef<string | null>(null);

  useCrmEvent('import:progress', (update) => {
    if (update.jobId === jobRef.current) setProgress(update);
  });

  const preview = async () => {
    setError(null);
    setStep({ kind: 'pick', busy: true });
    try {
      setStep(toMapping(await crm()['imports:preview']({ file: file!.token })));
    } catch (e) {
      setError(errorMessage(e));
      setStep({ kind: 'pick', busy: false });
    }
  };

  /** Another sheet of the workbook: its own header, columns and matches; the columns step stays in place meanwhile. */
  const chooseSheet = async (sheet: string) => {
    setError(null);
    setSwitchingSheet(true);
    try {
      setStep(toMapping(await crm()['imports:preview']({ file: file!.token, sheet })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSwitchingSheet(false);
    }
  };

  /** Runs an import (or a retry of fixed rows) with progress tagged by a fresh job id. */
  const runJob = async (
    rowsTotal: number,
    start: (jobId: string) => Promise<ImportSummary>,
    back: Step,
    fixedOf?: number,
  ) => {
    const jobId = `import-${Date.now()}-${++jobCounter}`;
    jobRef.current = jobId;
    setProgress(null);
    setError(null);
    setStep({ kind: 'running', jobId, rowsTotal });
    try {
      setStep({ kind: 'done', summary: await start(jobId), fixedOf });
    } catch (e) {
      setError(errorMessage(e));
      setStep(back);
    } finally {
      jobRef.current = null;
    }
  };

  const startImport = (s: Extract<Step, { kind: 'mapping' }>) => {
    const overrides = Object.fromEntries(
      s.preview.columns.filter((c) => s.mapping[c.column] !== c.target).map((c) => [c.column, s.mapping[c.column]!]),
    );
    void runJob(
      s.preview.sampleRows.length,
      (jobId) => crm()['imports:start']({ file: file!.token, sheet: s.preview.sheet, overrides, onDuplicate, jobId }),
      s,
    );
  };

  return (
    <div className="screen import-wizard">
      <header className="screen-header screen-header-row">
        <h1>Import leads</h1>
        <button
          type="button"
          className="button-quiet"
          onClick={() =>
            onClose(
              step.kind === 'done' && step.fixedOf === undefined ? (step.summary.importId ?? undefined) : undefined,
            )
          }
        >
          {step.kind === 'done' ? 'Show the leads' : 'Back to leads'}
        </button>
      </header>
      <ol className="wizard-steps" aria-label="Import steps">
        {STEPS.map((label, i) => (
          <li
            key={label}
            aria-current={i === stepIndex(step.kind) ? 'step' : undefined}
            className={i < stepIndex(step.kind) ? 'done' : undefined}
          >
            {label}
          </li>
        ))}
      </ol>
      {error && <ErrorBanner message={error} />}

      {step.kind === 'pick' && (
        <form
          className="card"
          aria-label="Choose a file"
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <h2>Choose a file</h2>
          <p className="muted">
            CSV (any delimiter or encoding) or Excel XLSX. Nothing is saved until you confirm the columns.
          </p>
          <PathField
            label="File to import"
            path={file?.path ?? ''}
            onChange={setFile}
            mode="open"
            extensions={['csv', 'tsv', 'txt', 'xlsx']}
          />
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={!file || step.busy}>
              {step.busy ? 'Reading…' : 'Preview'}
            </button>
          </div>
        </form>
      )}

      {step.kind === 'mapping' && (
        <section className="card" aria-label="Columns">
          <h2>Check the columns</h2>
          {step.preview.sheets && step.preview.sheets.length > 1 && (
            <div className="toolbar">
              <label htmlFor="import-sheet">Sheet</label>
              <select
                id="import-sheet"
                className="auto-width"
                value={step.preview.sheet}
                disabled={switchingSheet}
                onChange={(e) => void chooseSheet(e.target.value)}
              >
                {step.preview.sheets.map((sheet) => (
                  <option key={sheet} value={sheet}>
                    {sheet}
                  </option>
                ))}
              </select>
            </div>
          )}
          <p className="muted">
            {step.preview.format.toUpperCase()}
            {step.preview.sheet && `, sheet “${step.preview.sheet}”`}
            {step.preview.encoding && `, ${step.preview.encoding}`}
            {step.preview.delimiter &&
              `, “${step.preview.delimiter === '\t' ? 'tab' : step.preview.delimiter}”-separated`}
            , header on row {step.preview.headerRowNumber}. Each column shows the field it was matched to and how sure
            the match is; change any that are wrong.
          </p>
          {step.preview.alreadyImported.length > 0 && (
            <Notice tone="warning">
              This exact file was imported before ({step.preview.alreadyImported.map((i) => `#${i.id}`).join(', ')}).
              Its leads will count as duplicates.
            </Notice>
          )}
          <MappingTable
            preview={step.preview}
            mapping={step.mapping}
            onChange={(column, target) => setStep({ ...step, mapping: { ...step.mapping, [column]: target } })}
          />
          <div className="form-actions">
            <label htmlFor="on-duplicate">Leads already in the app</label>
            <select
              id="on-duplicate"
              className="auto-width"
              value={onDuplicate}
              onChange={(e) => setOnDuplicate(e.target.value as DuplicatePolicy)}
            >
              {DUPLICATE_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {DUPLICATE_LABELS[p]}
                </option>
              ))}
            </select>
            <span className="spacer" />
            <button type="button" onClick={() => setStep({ kind: 'pick', busy: false })}>
              Back
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={switchingSheet}
              onClick={() => startImport(step)}
            >
              Import
            </button>
          </div>
        </section>
      )}

      {step.kind === 'running' && (
        <section className="card" aria-label="Importing">
          <h2>Importing…</h2>
          <progress
            className="import-progress"
            aria-label="Import progress"
            max={progress?.totalBytes || 1}
            value={progress?.bytes ?? 0}
          />
          <p className="muted import-progress-text" aria-live="polite">
            {progress
              ? `${progress.rows.toLocaleString()} rows read · ${Math.round(progress.rowsPerSecond).toLocaleString()} rows/s`
              : 'Starting…'}
          </p>
          <button type="button" onClick={() => void crm()['imports:cancel']({ jobId: step.jobId })}>
            Cancel import
          </button>
          <p className="muted">Cancelling rolls the whole import back: nothing of it is kept.</p>
        </section>
      )}

      {step.kind === 'done' && (
        <>
          <ImportResult summary={step.summary} fixedOf={step.fixedOf} onUndone={() => onClose()} />
          {step.summary.importId !== null && step.summary.imported > 0 && (
            <EnrichCompanies key={step.summary.importId} importId={step.summary.importId} />
          )}
          {step.summary.importId !== null && step.summary.rejected > 0 && (
            <RejectedRows
              key={step.summary.importId}
              importId={step.summary.importId}
              onRetry={(importId, fixes) =>
                runJob(
                  fixes.length,
                  (jobId) => crm()['imports:retryRejected']({ importId, fixes, onDuplicate, jobId }),
                  step,
                  importId,
                )
              }
            />
          )}
        </>
      )}
    </div>
  );
}
