import { useMemo, useState } from 'react';
import { COMPANY_SORT_COLUMNS, type CompanyFilter } from '../../../core/companies/company-schemas';
import { crm, errorMessage } from '../../lib/crm';
import { useNavigate } from '../../lib/navigation';
import { VirtualTable, type Row, type Selection, type Sort } from '../leads/VirtualTable';
import { COMPANY_COLUMNS, toRow } from './company-columns';
import { ImportCompanies } from './ImportCompanies';
import { RefreshSelected } from './RefreshSelected';
import { WatchSelected } from './WatchSelected';

/** A text filter as typed: spaces around it do not make a new query, and an empty box is no filter. */
const typed = (text: string | undefined) => text?.trim() || undefined;

/** The filters typed as text beside the search box, each with its label. */
const TEXT_FILTERS = [
  ['industry', 'Industry'],
  ['headquarters', 'Headquarters'],
  ['round', 'Latest round'],
] as const satisfies readonly (readonly [keyof CompanyFilter, string])[];

/** A head count bound as typed; anything that is not a whole number is no bound. */
const wholeNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);

/**
 * Every company researched or imported in a virtual table (search, filters and sort answered by SQLite);
 * a company's name opens its report on the Lookup screen; ticked companies are looked up or refreshed as
 * one batch, or watched; a list of companies can be imported.
 */
export function CompaniesScreen() {
  const navigate = useNavigate();
  const [sort, setSort] = useState<Sort>({ column: 'name', direction: 'asc' });
  const [filter, setFilter] = useState<CompanyFilter>({});
  /** The ticked companies' names by id: a watch is added by the company's name. */
  const [selected, setSelected] = useState<ReadonlyMap<number, string>>(new Map());
  const [selectionNote, setSelectionNote] = useState<{ error: boolean; text: string } | null>(null);
  /** Bumped when companies change under the table (an import, a finished batch), so it reads them again. */
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  const column = COMPANY_SORT_COLUMNS.find((c) => c === sort.column) ?? 'name';
  const query: CompanyFilter = {
    ...filter,
    search: typed(filter.search),
    industry: typed(filter.industry),
    headquarters: typed(filter.headquarters),
    round: typed(filter.round),
  };
  /** Ticks every company the filters match (up to one batch's most), not only the rows scrolled past. */
  const selectAllMatching = async () => {
    try {
      const { companies, total } = await crm()['companies:ids']({ filter: query });
      setSelected(new Map(companies.map((c) => [c.id, c.name])));
      setSelectionNote(
        companies.length < total
          ? {
              error: false,
              text: `The first ${companies.length.toLocaleString()} of ${total.toLocaleString()} matching companies are ticked: one batch takes no more.`,
            }
          : null,
      );
    } catch (error) {
      setSelectionNote({ error: true, text: errorMessage(error) });
    }
  };
  const set = <K extends keyof CompanyFilter>(key: K, value: CompanyFilter[K]) =>
    setFilter((f) => ({ ...f, [key]: value }));
  const selection = useMemo<Selection>(
    () => ({
      selected: new Set(selected.keys()),
      onToggle: (row: Row) =>
        setSelected((previous) => {
          const next = new Map(previous);
          if (!next.delete(row.id)) next.set(row.id, String(row.name));
          return next;
        }),
    }),
    [selected],
  );

  return (
    <div className="screen screen-wide leads-screen">
      <header className="screen-header screen-header-row">
        <h1>Companies</h1>
      </header>
      <ImportCompanies onChanged={reload} />
      <div className="toolbar" role="group" aria-label="Filter companies">
        <label htmlFor="company-search" className="visually-hidden">
          Search companies
        </label>
        <input
          id="company-search"
          type="search"
          className="company-filter company-search"
          placeholder="Search name or domain"
          value={filter.search ?? ''}
          onChange={(e) => set('search', e.target.value || undefined)}
        />
        {TEXT_FILTERS.map(([key, label]) => (
          <input
            key={key}
            type="search"
            aria-label={label}
            placeholder={label}
            className="company-filter"
            value={filter[key] ?? ''}
            onChange={(e) => set(key, e.target.value || undefined)}
          />
        ))}
        <label className="inline-field">
          from{' '}
          <input
            type="date"
            aria-label="Latest round from"
            value={filter.roundFrom ?? ''}
            onChange={(e) => set('roundFrom', e.target.value || undefined)}
          />
        </label>
        <label className="inline-field">
          to{' '}
          <input
            type="date"
            aria-label="Latest round to"
            value={filter.roundTo ?? ''}
            onChange={(e) => set('roundTo', e.target.value || undefined)}
          />
        </label>
        <label className="inline-field">
          Size{' '}
          <input
            type="number"
            min={0}
            aria-label="Size from"
            placeholder="from"
            className="company-size"
            value={filter.employeesMin ?? ''}
            onChange={(e) => set('employeesMin', wholeNumber(e.target.value))}
          />
          –{' '}
          <input
            type="number"
            min={0}
            aria-label="Size to"
            placeholder="to"
            className="company-size"
            value={filter.employeesMax ?? ''}
            onChange={(e) => set('employeesMax', wholeNumber(e.target.value))}
          />
        </label>
        <select
          aria-label="Leads"
          className="auto-width"
          value={filter.hasLeads === undefined ? '' : String(filter.hasLeads)}
          onChange={(e) => set('hasLeads', e.target.value === '' ? undefined : e.target.value === 'true')}
        >
          <option value="">With or without leads</option>
          <option value="true">With leads</option>
          <option value="false">Without leads</option>
        </select>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={filter.watched ?? false}
            onChange={(e) => set('watched', e.target.checked || undefined)}
          />
          Watched
        </label>
        <label className="inline-field">
          Not refreshed since{' '}
          <input
            type="date"
            aria-label="Not refreshed since"
            value={filter.refreshedBefore ?? ''}
            onChange={(e) => set('refreshedBefore', e.target.value || undefined)}
          />
        </label>
        <button type="button" className="button-small" onClick={() => void selectAllMatching()}>
          Select all matching
        </button>
        {selected.size > 0 && (
          <button
            type="button"
            className="button-small"
            onClick={() => {
              setSelected(new Map());
              setSelectionNote(null);
            }}
          >
            Clear selection
          </button>
        )}
        {selectionNote && (
          <span
            className={selectionNote.error ? 'field-error' : 'muted'}
            role={selectionNote.error ? 'alert' : 'status'}
          >
            {selectionNote.text}
          </span>
        )}
      </div>
      {/* Always there: a batch keeps its progress and cancel when the ticks are cleared while it runs. */}
      <RefreshSelected companyIds={[...selected.keys()]} onFinished={reload} />
      <WatchSelected companies={[...selected].map(([id, name]) => ({ id, name }))} onWatched={reload} />
      <div className="leads-body">
        <VirtualTable
          label="Companies"
          noun={['company', 'companies']}
          columns={COMPANY_COLUMNS}
          sort={sort}
          onSort={setSort}
          selection={selection}
          queryKey={JSON.stringify([sort, query, version])}
          countKey={JSON.stringify([query, version])}
          fetchPage={async (offset, limit) =>
            (
              await crm()['companies:list']({
                offset,
                limit,
                sort: { column, direction: sort.direction },
                filter: query,
              })
            ).rows.map(toRow)
          }
          fetchCount={async () => (await crm()['companies:count']({ filter: query })).total}
          onOpen={(row) => navigate({ screen: 'lookup', companyId: row.id, companyName: String(row.name) })}
          empty={
            Object.values(query).some((value) => value !== undefined)
              ? 'No company matches the search and filters.'
              : 'No companies yet: look one up on the Lookup screen, or import a list of companies above.'
          }
        />
      </div>
    </div>
  );
}
