import { useEffect, useState } from 'react';
import { LEAD_SORT_COLUMNS } from '../../../core/leads/query/lead-schemas';
import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { EmptyState, ErrorBanner } from '../../components/feedback';
import { VirtualTable, type Row, type Sort } from './VirtualTable';
import { DEFAULT_COLUMNS, LEAD_COLUMNS, toRow, type LeadFilter } from './lead-columns';
import type { LeadExportColumn } from '../../../core/leads/export/lead-export';
import { BulkEdit } from './BulkEdit';
import { ExportShown } from './ExportShown';
import { ImportWizard } from './ImportWizard';
import { LeadDetail } from './LeadDetail';
import { GenerateDrafts } from './GenerateDrafts';
import { EnrichCompanies } from './EnrichCompanies';
import { SampleBadge } from '../../components/SampleBadge';

/** All leads in a virtual table (sorting, filters and search answered by SQLite), the import wizard, a lead's detail. */
export function LeadsScreen({ leadId, importId }: { leadId?: number; importId?: number }) {
  const [openLead, setOpenLead] = useState<number | undefined>(leadId);
  const [mode, setMode] = useState<'table' | 'import'>('table');
  const [sort, setSort] = useState<Sort>({ column: 'createdAt', direction: 'desc' });
  const [filter, setFilter] = useState<LeadFilter>(importId ? { importId } : {});
  const [shownColumns, setShownColumns] = useState<LeadExportColumn[]>(DEFAULT_COLUMNS);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  /** Bumped by an edit or undo: the table asks its pages again (a status or score may have moved). */
  const [version, setVersion] = useState(0);
  const imports = useLoad(() => crm()['imports:list'](), `imports:${mode}`);
  const statuses = useLoad(() => crm()['leads:statuses'](), 'lead-statuses');
  // A selection is of the leads shown: a new filter starts a new one, so no hidden lead is changed.
  const filterKey = JSON.stringify(filter);
  useEffect(() => setSelected(new Set()), [filterKey]);
  const status = useLoad(() => crm()['system:status'](), `status:${mode}`);

  if (mode === 'import') {
    return (
      <ImportWizard
        onClose={(shownImport) => {
          setMode('table');
          if (shownImport !== undefined) setFilter({ importId: shownImport });
        }}
      />
    );
  }

  const column = LEAD_SORT_COLUMNS.find((c) => c === sort.column) ?? 'createdAt';
  // The search box's text as typed; spaces around the words do not make a new query.
  const searchFilter = { ...filter, search: filter.search?.trim() || undefined };
  const noLeads = status.state === 'ready' && status.data.counts.leads === 0;
  const columns = LEAD_COLUMNS.filter((c) => c.key === 'name' || shownColumns.includes(c.key));
  const toggleColumn = (key: LeadExportColumn) =>
    setShownColumns((shown) =>
      shown.includes(key)
        ? shown.filter((k) => k !== key)
        : LEAD_COLUMNS.map((c) => c.key).filter((k) => k === key || shown.includes(k)),
    );
  const toggleRow = (id: number) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="screen screen-wide leads-screen">
      <header className="screen-header screen-header-row">
        <h1>Leads</h1>
        <button type="button" className="button-primary" onClick={() => setMode('import')}>
          Import leads…
        </button>
      </header>
      {noLeads ? (
        <EmptyState
          title="No leads yet"
          action={
            <button type="button" className="button-primary" onClick={() => setMode('import')}>
              Import a CSV or Excel file
            </button>
          }
        >
          Import a CSV or XLSX export from your CRM, Apollo or LinkedIn. Columns are matched automatically and you can
          change every match before anything is saved.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar" role="group" aria-label="Filter leads">
            <label htmlFor="lead-search" className="visually-hidden">
              Search leads
            </label>
            <input
              id="lead-search"
              type="search"
              className="lead-search"
              placeholder="Search name, email, company, title, city"
              value={filter.search ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value || undefined }))}
            />
            <label htmlFor="lead-import">Import</label>
            <select
              id="lead-import"
              className="auto-width"
              value={filter.importId ?? ''}
              onChange={(e) =>
                setFilter((f) => ({ ...f, importId: e.target.value ? Number(e.target.value) : undefined }))
              }
            >
              <option value="">All imports</option>
              {(imports.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  #{i.id} {i.fileName} ({i.leads})
                </option>
              ))}
            </select>
            <label htmlFor="lead-status-filter">Status</label>
            <select
              id="lead-status-filter"
              className="auto-width"
              value={filter.status ?? ''}
              onChange={(e) => setFilter((f) => ({ ...f, status: e.target.value || undefined }))}
            >
              <option value="">Any</option>
              {(statuses.data ?? []).map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <label htmlFor="lead-tag-filter" className="visually-hidden">
              Tag
            </label>
            <input
              id="lead-tag-filter"
              className="auto-width"
              placeholder="Tag"
              value={filter.tag ?? ''}
              maxLength={60}
              onChange={(e) => setFilter((f) => ({ ...f, tag: e.target.value.trim() || undefined }))}
            />
            <label className="inline-check">
              <input
                type="checkbox"
                checked={filter.hasEmail ?? false}
                onChange={(e) => setFilter((f) => ({ ...f, hasEmail: e.target.checked || undefined }))}
              />
              With email
            </label>
            <details className="column-picker">
              <summary>Columns</summary>
              <fieldset aria-label="Columns shown">
                {LEAD_COLUMNS.filter((c) => c.key !== 'name').map((c) => (
                  <label key={c.key} className="inline-check">
                    <input
                      type="checkbox"
                      checked={shownColumns.includes(c.key)}
                      onChange={() => toggleColumn(c.key)}
                    />
                    {c.label}
                  </label>
                ))}
              </fieldset>
            </details>
            <ExportShown
              filter={searchFilter}
              sort={{ column, direction: sort.direction }}
              columns={columns.map((c) => c.key)}
            />
            <span className="spacer" />
            {filter.importId !== undefined && <GenerateDrafts importId={filter.importId} />}
          </div>
          {imports.state === 'error' && <ErrorBanner message={imports.error} onRetry={imports.reload} />}
          {filter.importId !== undefined && <EnrichCompanies key={filter.importId} importId={filter.importId} />}
          {selected.size > 0 && (
            <BulkEdit
              leadIds={[...selected]}
              onChanged={() => setVersion((v) => v + 1)}
              onClear={() => setSelected(new Set())}
            />
          )}
          <div className="leads-body">
            <VirtualTable
              label="Leads"
              columns={columns}
              sort={sort}
              onSort={setSort}
              queryKey={JSON.stringify([sort, searchFilter, version])}
              countKey={JSON.stringify([searchFilter, version])}
              // Every keystroke is a query: the table coalesces the ones typed while a first page is on its way.
              fetchPage={async (offset, limit) => {
                const page = await crm()['leads:list']({
                  offset,
                  limit,
                  withTotal: false,
                  sort: { column, direction: sort.direction },
                  filter: searchFilter,
                });
                return page.rows.map(toRow);
              }}
              fetchCount={async () => (await crm()['leads:count']({ filter: searchFilter })).total}
              onOpen={(row) => setOpenLead(row.id)}
              selection={{ selected, onToggle: (row) => toggleRow(row.id) }}
              empty="No lead matches the search and filters."
              openerBadge={sampleBadgeOf}
            />
            {openLead !== undefined && (
              <LeadDetail
                key={openLead}
                leadId={openLead}
                onClose={() => setOpenLead(undefined)}
                onChanged={() => setVersion((v) => v + 1)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** A table row's "Sample" badge, from the lead's stored source (rows are the leads as listed). */
function sampleBadgeOf(row: Row) {
  return <SampleBadge source={typeof row.source === 'string' ? row.source : null} />;
}
