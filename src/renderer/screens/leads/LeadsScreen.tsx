import { useState } from 'react';
import { LEAD_SORT_COLUMNS } from '../../../core/leads/query/lead-schemas';
import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { EmptyState, ErrorBanner } from '../../components/feedback';
import { VirtualTable, type Sort } from './VirtualTable';
import { LEAD_COLUMNS, toRow, type LeadFilter } from './lead-columns';
import { ImportWizard } from './ImportWizard';
import { LeadDetail } from './LeadDetail';
import { GenerateDrafts } from './GenerateDrafts';
import { EnrichCompanies } from './EnrichCompanies';

/** All leads in a virtual table (sorting, filters and search answered by SQLite), the import wizard, a lead's detail. */
export function LeadsScreen({ leadId, importId }: { leadId?: number; importId?: number }) {
  const [openLead, setOpenLead] = useState<number | undefined>(leadId);
  const [mode, setMode] = useState<'table' | 'import'>('table');
  const [sort, setSort] = useState<Sort>({ column: 'createdAt', direction: 'desc' });
  const [filter, setFilter] = useState<LeadFilter>(importId ? { importId } : {});
  const imports = useLoad(() => crm()['imports:list'](), `imports:${mode}`);
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
  return (
    <div className="screen screen-wide leads-screen">
      <header className="screen-header screen-header-row">
        <h1>Leads</h1>
        <button type="button" className="button-primary" onClick={() => setMode('import')}>
          Import leads…
        </button>
      </header>
      {noLeads ? (
        <EmptyState title="No leads yet" action={<button type="button" className="button-primary" onClick={() => setMode('import')}>Import a CSV or Excel file</button>}>
          Import a CSV or XLSX export from your CRM, Apollo or LinkedIn. Columns are matched automatically and you can change every match before anything is saved.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar" role="group" aria-label="Filter leads">
            <label htmlFor="lead-search" className="visually-hidden">
              Search leads
            </label>
            <input id="lead-search" type="search" className="lead-search" placeholder="Search name, email, company, title, city" value={filter.search ?? ''} onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value || undefined }))} />
            <label htmlFor="lead-import">Import</label>
            <select id="lead-import" className="auto-width" value={filter.importId ?? ''} onChange={(e) => setFilter((f) => ({ ...f, importId: e.target.value ? Number(e.target.value) : undefined }))}>
              <option value="">All imports</option>
              {(imports.data ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  #{i.id} {i.fileName} ({i.leads})
                </option>
              ))}
            </select>
            <label className="inline-check">
              <input type="checkbox" checked={filter.hasEmail ?? false} onChange={(e) => setFilter((f) => ({ ...f, hasEmail: e.target.checked || undefined }))} />
              With email
            </label>
            <span className="spacer" />
            {filter.importId !== undefined && <GenerateDrafts importId={filter.importId} />}
          </div>
          {imports.state === 'error' && <ErrorBanner message={imports.error} onRetry={imports.reload} />}
          {filter.importId !== undefined && <EnrichCompanies key={filter.importId} importId={filter.importId} />}
          <div className="leads-body">
            <VirtualTable
              label="Leads"
              columns={LEAD_COLUMNS}
              sort={sort}
              onSort={setSort}
              queryKey={JSON.stringify([sort, searchFilter])}
              // Every keystroke is a query: the table coalesces the ones typed while a first page is on its way.
              fetchPage={async (offset, limit) => {
                const page = await crm()['leads:list']({ offset, limit, withTotal: false, sort: { column, direction: sort.direction }, filter: searchFilter });
                return page.rows.map(toRow);
              }}
              fetchCount={async () => (await crm()['leads:count']({ filter: searchFilter })).total}
              onOpen={(row) => setOpenLead(row.id)}
            />
            {openLead !== undefined && <LeadDetail key={openLead} leadId={openLead} onClose={() => setOpenLead(undefined)} />}
          </div>
        </>
      )}
    </div>
  );
}
