import type { ReactNode } from 'react';
import { OVERVIEW_FIELDS, type CompanyReport, type Source } from '../../../core/intel/domain';
import { Badge, Notice } from '../../components/feedback';
import { SourceLink, formatDate } from '../../components/SourceLink';
import { SourceRefs } from './SourceRefs';

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
}

/** A company report in sections; every value shows its numbered sources, partial parts are marked. */
export function ReportView({ report, onRefresh, refreshing }: { report: CompanyReport } & ReportActions) {
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
      {section('overview', 'Overview', <OverviewBody report={report} sources={sources} />)}
      {section('executives', 'Decision makers', <ExecutivesBody report={report} sources={sources} />)}
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
}: {
  label: string;
  values: { value: string; sources: string[] }[];
  sources: Map<string, Source>;
  list?: boolean;
}) {
  const conflict = !list && values.length > 1;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        {values.length === 0 && <span className="muted">Not found</span>}
        {values.map((v, i) => (
          <div key={i} className={conflict ? 'conflict' : undefined}>
            {v.value} <SourceRefs urls={v.sources} sources={sources} />
          </div>
        ))}
        {conflict && <span className="badge badge-warning">Sources disagree</span>}
      </dd>
    </>
  );
}

type BodyProps = { report: CompanyReport; sources: Map<string, Source> };

function OverviewBody({ report, sources }: BodyProps) {
  return (
    <dl className="field-list">
      {OVERVIEW_FIELDS.map((field) => (
        <Field
          key={field}
          label={OVERVIEW_LABELS[field]}
          values={report.overview[field]}
          sources={sources}
          list={field === 'products'}
        />
      ))}
    </dl>
  );
}

function ExecutivesBody({ report, sources }: BodyProps) {
  if (report.executives.length === 0) return <p className="muted">No decision makers found in the sources.</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Title</th>
          <th scope="col">Function</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {report.executives.map((e) => (
          <tr key={`${e.name}:${e.title}`}>
            <td>
              {e.name} {e.origin === 'profile' && <Badge tone="accent">Your profile</Badge>}
            </td>
            <td>{e.title}</td>
            <td className="muted">{e.function}</td>
            <td>
              <SourceRefs urls={e.sources} sources={sources} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
