import { useState, type ReactNode } from 'react';
import { OVERVIEW_FIELDS, type CompanyReport, type Source } from '../../../core/intel/domain';
import { Badge, Notice } from '../../components/feedback';
import { SourceLink, formatDate } from '../../components/SourceLink';
import { SourceRefs } from './SourceRefs';
import {
  CuratedActions,
  CuratedMark,
  CurationForm,
  draftOf,
  entryOf,
  type Curation,
  type EntryDraft,
} from './Curation';

const OVERVIEW_LABELS: Record<(typeof OVERVIEW_FIELDS)[number], string> = {
  description: 'What they do',
  industry: 'Industry',
  headquarters: 'Headquarters',
  founded: 'Founded',
  employees: 'Employees',
  products: 'Products',
};

export interface ReportActions {
  /** Re-runs one component, or the whole lookup when `component` is null. */
  onRefresh: (component: string | null) => void;
  /** Components being refreshed right now (their sections show a busy marker, keeping their space). */
  refreshing: ReadonlySet<string>;
  /** The company's curated profile: given, decision makers and overview values can be curated in place. */
  curation?: Curation;
}

/** A company report in sections; every value shows its numbered sources, partial parts are marked. */
export function ReportView({ report, onRefresh, refreshing, curation }: { report: CompanyReport } & ReportActions) {
  const sources = new Map(report.sources.map((s) => [s.url, s]));
  const partial = new Map(report.partial.map((p) => [p.component, p]));
  const section = (component: string, title: string, body: ReactNode) => (
    <ReportSection
      key={component}
      component={component}
      title={title}
      partial={partial.get(component)}
      busy={refreshing.has(component)}
      onRefresh={() => onRefresh(component)}
    >
      {body}
    </ReportSection>
  );

  return (
    <div className="report">
      {report.run.stale && (
        <Notice tone="warning">
          Some answers are from an expired cache because a provider could not be reached. Refresh when you are back
          online.
        </Notice>
      )}
      <Changes report={report} />
      {section('overview', 'Overview', <OverviewBody report={report} sources={sources} curation={curation} />)}
      {section(
        'executives',
        'Decision makers',
        <ExecutivesBody report={report} sources={sources} curation={curation} />,
      )}
      {section('funding', 'Funding and investments', <FundingBody report={report} sources={sources} />)}
      {section('news', 'News', <NewsBody report={report} sources={sources} />)}
      {report.custom.map((custom) =>
        section(
          custom.name,
          custom.name,
          <dl className="field-list">
            {Object.entries(custom.fields).map(([field, values]) => (
              <Field key={field} label={field} values={values} sources={sources} />
            ))}
          </dl>,
        ),
      )}
      <section className="card" aria-label="Sources">
        <h2>Sources</h2>
        {report.sources.length === 0 ? (
          <p className="muted">No sources yet.</p>
        ) : (
          <ol className="source-list">
            {report.sources.map((s) => (
              <li key={s.id} value={s.id}>
                <SourceLink source={s} /> <span className="muted">· {s.provider}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function ReportSection({
  component,
  title,
  partial,
  busy,
  onRefresh,
  children,
}: {
  component: string;
  title: string;
  partial?: CompanyReport['partial'][number];
  busy: boolean;
  onRefresh: () => void;
  children: ReactNode;
}) {
  return (
    <section className="card report-section" aria-label={title} aria-busy={busy} data-component={component}>
      <div className="section-header">
        <h2>{title}</h2>
        {partial && (
          <Badge tone="warning" title={partial.reason}>
            Partial
          </Badge>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="button-small"
          onClick={onRefresh}
          disabled={busy}
          aria-label={`Refresh ${title}`}
        >
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {partial && <p className="partial-reason">Incomplete: {partial.reason}</p>}
      {children}
    </section>
  );
}

/** `list`: a field with many values by nature (products), where several entries are no disagreement. */
function Field({
  label,
  values,
  sources,
  list = false,
  mark,
  children,
}: {
  label: string;
  values: { value: string; sources: string[] }[];
  sources: Map<string, Source>;
  list?: boolean;
  /** What to show after a value (the curated mark). */
  mark?: (sources: string[]) => ReactNode;
  /** Shown under the values (curation). */
  children?: ReactNode;
}) {
  const conflict = !list && values.length > 1;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {values.length === 0 && <span className="muted">Not found</span>}
        {values.map((v, i) => (
          <div key={i} className={conflict ? 'conflict' : undefined}>
            {v.value} <SourceRefs urls={v.sources} sources={sources} /> {mark?.(v.sources)}
          </div>
        ))}
        {conflict && <span className="badge badge-warning">Sources disagree</span>}
        {children}
      </dd>
    </>
  );
}

type BodyProps = { report: CompanyReport; sources: Map<string, Source>; curation?: Curation };

function OverviewBody({ report, sources, curation }: BodyProps) {
  const [editing, setEditing] = useState<EntryDraft | null>(null);
  return (
    <dl className="field-list">
      {OVERVIEW_FIELDS.map((field) => {
        const label = OVERVIEW_LABELS[field];
        const values = report.overview[field];
        const entry = curation?.entries.find((e) => e.kind === field);
        return (
          <Field
            key={field}
            label={label}
            values={values}
            sources={sources}
            list={field === 'products'}
            mark={(urls) => {
              const curated = curation && entryOf(curation, urls);
              return curated && <CuratedMark entry={curated} />;
            }}
          >
            {curation && editing?.kind === field ? (
              <CurationForm draft={editing} label={label} curation={curation} onDone={() => setEditing(null)} />
            ) : curation && entry ? (
              <CuratedActions
                entry={entry}
                what={label}
                curation={curation}
                onEdit={() => setEditing(draftOf(entry))}
              />
            ) : (
              curation && (
                <button
                  type="button"
                  className="button-small curation-add"
                  aria-label={`Curate ${label}`}
                  onClick={() => setEditing({ kind: field, value: values.length === 1 ? values[0]!.value : '' })}
                >
                  {values.length === 0 ? 'Add' : 'Correct'}
                </button>
              )
            )}
          </Field>
        );
      })}
    </dl>
  );
}

function ExecutivesBody({ report, sources, curation }: BodyProps) {
  const [editing, setEditing] = useState<EntryDraft | null>(null);
  const add = curation && !editing && (
    <button
      type="button"
      className="button-small curation-add"
      onClick={() => setEditing({ kind: 'executive', value: '', title: '' })}
    >
      Add decision maker
    </button>
  );
  const form = curation && editing && (
    <CurationForm draft={editing} label="decision maker" curation={curation} onDone={() => setEditing(null)} />
  );
  if (report.executives.length === 0)
    return (
      <>
        <p className="muted">No decision makers found in the sources.</p>
        {add}
        {form}
      </>
    );
  return (
    <>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Function</th>
            <th scope="col">Sources</th>
            {curation && <th scope="col">Profile</th>}
          </tr>
        </thead>
        <tbody>
          {report.executives.map((e) => {
            const entry = curation && entryOf(curation, e.sources);
            return (
              <tr key={`${e.name}:${e.title}`}>
                <td>
                  {e.name}{' '}
                  {entry ? (
                    <CuratedMark entry={entry} />
                  ) : (
                    e.origin === 'profile' && <Badge tone="accent">Curated</Badge>
                  )}
                </td>
                <td>{e.title}</td>
                <td className="muted">{e.function}</td>
                <td>
                  <SourceRefs urls={e.sources} sources={sources} />
                </td>
                {curation && (
                  <td>
                    {entry ? (
                      <CuratedActions
                        entry={entry}
                        what={e.name}
                        curation={curation}
                        onEdit={() => setEditing(draftOf(entry))}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button-small"
                        aria-label={`Correct ${e.name}`}
                        onClick={() => setEditing({ kind: 'executive', value: e.name, title: e.title })}
                      >
                        Correct
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {add}
      {form}
    </>
  );
}

function formatAmount(amount: number | null, currency: string | null): string {
  if (amount === null) return 'amount not stated';
  return new Intl.NumberFormat(undefined, {
    style: currency ? 'currency' : 'decimal',
    currency: currency ?? undefined,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(amount);
}

function FundingBody({ report, sources }: BodyProps) {
  if (report.funding.length === 0 && report.investments.length === 0)
    return <p className="muted">No funding events or investments found in the sources.</p>;
  return (
    <ul className="event-list">
      {report.funding.map((f, i) => (
        <li key={`f${i}`}>
          <span className="event-date">{formatDate(f.date)}</span>
          <span>
            <strong>{f.round ?? 'Funding'}</strong> · {formatAmount(f.amount, f.currency)}
            {f.leadInvestors.length > 0 && <> · led by {f.leadInvestors.join(', ')}</>}
            {f.investors.length > 0 && <span className="muted"> · with {f.investors.join(', ')}</span>}{' '}
            <SourceRefs urls={f.sources} sources={sources} />
          </span>
        </li>
      ))}
      {report.investments.map((inv, i) => (
        <li key={`i${i}`}>
          <span className="event-date">{inv.kind === 'holding' ? 'Holding' : 'Strategy'}</span>
          <span>
            {inv.value} <SourceRefs urls={inv.sources} sources={sources} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function NewsBody({ report, sources }: BodyProps) {
  if (report.news.length === 0) return <p className="muted">No recent news found in the sources.</p>;
  return (
    <ul className="event-list">
      {report.news.map((n, i) => (
        <li key={i}>
          <span className="event-date">{formatDate(n.date)}</span>
          <span>
            <strong>{n.title}</strong> <Badge tone={n.trigger === 'other' ? 'neutral' : 'accent'}>{n.trigger}</Badge>
            <br />
            <span className="muted">{n.summary}</span> <SourceRefs urls={n.sources} sources={sources} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function Changes({ report }: { report: CompanyReport }) {
  const { changes } = report;
  if (changes.previousRunId === null) return null;
  const items = [
    ...changes.newExecutives.map((t) => `New decision maker: ${t}`),
    ...changes.newFunding.map((t) => `New funding: ${t}`),
    ...changes.newNews.map((t) => `New: ${t}`),
  ];
  return (
    <section className="card changes" aria-label="What changed">
      <h2>What changed since {formatDate(changes.previousAt)}</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing new since the last lookup.</p>
      ) : (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
