import { useState } from 'react';
import { DRAFT_EXPORT_FORMATS } from '../../../core/ipc/channels/drafts';
import type { Draft } from '../../../core/outreach/draft-schema';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { copyDraft } from '../../lib/clipboard';
import { ErrorBanner, Skeleton } from '../../components/feedback';
import { PathField } from '../../components/PathField';
import type { PickedFile } from '../../../core/ipc/file-tokens';
import { DraftReview, type DraftActions, type StatusFilter } from './DraftReview';
import { GenerateDrafts } from '../leads/GenerateDrafts';
import { DraftingOptions, generatorOptions, TEMPLATE_DRAFTING, type Drafting } from './DraftingOptions';

type ExportFormat = (typeof DRAFT_EXPORT_FORMATS)[number];
const FORMAT_LABELS: Record<string, string> = { csv: 'CSV', eml: '.eml files (one per draft, into a folder)' };

/** The review queue over `drafts:*`, optionally narrowed to one import or one lead. */
export function DraftsScreen({ importId, leadId }: { importId?: number; leadId?: number }) {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [exporting, setExporting] = useState(false);
  const [drafting, setDrafting] = useState<Drafting>(TEMPLATE_DRAFTING);
  const list = useLoad(
    () => crm()['drafts:list']({ status: filter === 'all' ? undefined : filter, importId, leadId, limit: 5000 }),
    `drafts:${filter}:${importId ?? ''}:${leadId ?? ''}`,
  );
  const imports = useLoad(() => crm()['imports:list'](), 'imports');

  const after = async (work: Promise<unknown>) => {
    await work;
    list.reload();
  };
  const actions: DraftActions = {
    save: (id, change) => after(crm()['drafts:update']({ id, ...change })),
    setStatus: (id, status) =>
      after(
        status === 'rejected'
          ? crm()['drafts:reject']({ ids: [id] })
          : status === 'copied'
            ? crm()['drafts:markCopied']({ ids: [id] })
            : crm()['drafts:approve']({ ids: [id] }),
      ),
    regenerate: (id) => after(crm()['drafts:regenerate']({ ids: [id], ...generatorOptions(drafting) })),
    copy: async (draft: Draft) => {
      await copyDraft(draft);
      await after(crm()['drafts:markCopied']({ ids: [draft.id] }));
    },
    approveAll: (ids) => after(crm()['drafts:approve']({ ids })),
    sources: async (id) => (await crm()['drafts:get']({ id })).sources,
  };

  const latestImport = imports.data?.find((i) => i.leads > 0);
  return (
    <div className="screen screen-wide">
      <header className="screen-header screen-header-row">
        <div>
          <h1>Drafts</h1>
          <p className="muted">
            {importId !== undefined ? `Import #${importId}. ` : leadId !== undefined ? 'One lead. ' : ''}Every company
            fact a draft states is listed beside it with its source.
          </p>
        </div>
        {latestImport && <GenerateDrafts importId={importId ?? latestImport.id} drafting={drafting} />}
      </header>
      <DraftingOptions value={drafting} onChange={setDrafting} />
      {exporting && <ExportPanel importId={importId} onClose={() => setExporting(false)} />}
      {list.state === 'error' && <ErrorBanner message={list.error} onRetry={list.reload} />}
      {!list.data && list.state === 'loading' && <Skeleton lines={10} label="Loading drafts" />}
      {list.data && (
        <DraftReview
          drafts={list.data.drafts}
          counts={list.data.counts}
          filter={filter}
          onFilter={setFilter}
          actions={actions}
          onExport={() => setExporting(true)}
        />
      )}
    </div>
  );
}

function ExportPanel({ importId, onClose }: { importId?: number; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [state, setState] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const submit = async () => {
    setState(null);
    try {
      const approved = await crm()['drafts:list']({ status: 'approved', importId, limit: 10_000 });
      if (approved.drafts.length === 0)
        return setState({ tone: 'error', text: 'No approved drafts to export: approve some first.' });
      const result = await crm()['drafts:export']({ format, file: file!.token, ids: approved.drafts.map((d) => d.id) });
      setState({ tone: 'ok', text: `Exported ${result.drafts} drafts to ${result.path}.` });
    } catch (error) {
      setState({ tone: 'error', text: errorMessage(error) });
    }
  };
  return (
    <form
      className="card"
      aria-label="Export approved drafts"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>Export approved drafts</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="export-format">Format</label>
          <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {DRAFT_EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f] ?? `Mail merge: ${f}`}
              </option>
            ))}
          </select>
        </div>
        <PathField
          label={format === 'eml' ? 'Folder' : 'Save as'}
          path={file?.path ?? ''}
          onChange={setFile}
          mode="save"
          defaultName={format === 'eml' ? 'drafts' : 'drafts.csv'}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={!file}>
          Export
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        <span
          className={state?.tone === 'error' ? 'field-error' : 'muted'}
          role={state?.tone === 'error' ? 'alert' : 'status'}
        >
          {state?.text ?? ''}
        </span>
      </div>
    </form>
  );
}
