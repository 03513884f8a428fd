import { useRef, useState, type FormEvent } from 'react';
import {
  WORKFLOWS,
  type CompanyReport,
  type ProgressEvent,
  type RecentCompany,
  type Workflow,
} from '../../../core/intel/domain';
import { BUILTIN_WORKFLOWS } from '../../../core/intel/workflows';
import type { Request } from '../../../core/ipc/contract';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad, type Load } from '../../lib/use-load';
import { useCrmEvent } from '../../lib/use-event';
import { formatDate } from '../../components/SourceLink';
import { EmptyState, ErrorBanner, Notice, Skeleton } from '../../components/feedback';
import { OfflineNotice } from '../../components/OfflineNotice';
import { FirstRunNotice } from '../../components/FirstRunNotice';
import { CandidatePicker } from './CandidatePicker';
import { ProgressList } from './ProgressList';
import { ReportView } from './ReportView';
import { WatchButton } from './WatchButton';
import { ExportReport } from './ExportReport';
import type { Curation } from './Curation';

/** An `intel:curate` request for the shown report (the screen adds its run). */
type CurateRequest = Request<'intel:curate'> extends infer R ? (R extends unknown ? Omit<R, 'runId'> : never) : never;

type View =
  | { kind: 'idle' }
  | { kind: 'opening' }
  | { kind: 'loading' }
  | { kind: 'running'; query: string; components: string[] }
  | { kind: 'report'; report: CompanyReport }
  | { kind: 'error'; message: string };

/** The lookup stopped at several companies with this name (after a pick the report is the picked one's). */
const needsPick = (report: CompanyReport) => report.companyId === null && report.candidates.length > 0;

let lookupCounter = 0;
const newLookupId = () => `lookup-${Date.now()}-${++lookupCounter}`;

/**
 * Company lookup: type a name (or pick a recent company), watch each component's progress, read the
 * report. `companyId` opens the company's stored report without calling any provider; a company with none
 * (`companyName`, imported and never looked up) is offered a lookup.
 */
export function LookupScreen({ companyId, companyName }: { companyId?: number; companyName?: string }) {
  const [query, setQuery] = useState(companyName ?? '');
  const [workflow, setWorkflow] = useState<Workflow>('comprehensive');
  const [view, setView] = useState<View>(companyId ? { kind: 'opening' } : { kind: 'idle' });
  const [events, setEvents] = useState<Map<string, ProgressEvent>>(new Map());
  const [refreshing, setRefreshing] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const lookupIds = useRef(new Set<string>());
  const recent = useLoad(() => crm()['intel:recentCompanies']({ limit: 12 }), 'recent');
  const keys = useLoad(() => crm()['keys:status'](), 'keys');
  const opened = useLoad(
    async () => (companyId ? crm()['intel:report']({ companyId }) : null),
    `company:${companyId ?? ''}`,
  );

  const shownRun = view.kind === 'report' && view.report.companyId !== null ? view.report.run.id : null;
  const shownCompany = view.kind === 'report' ? view.report.companyId : null;
  const profile = useLoad(
    async () => (shownCompany ? crm()['intel:profile']({ company: shownCompany }) : []),
    `profile:${shownCompany ?? ''}`,
  );

  if (view.kind === 'opening' && opened.state !== 'loading') {
    if (opened.state === 'error') setView({ kind: 'error', message: opened.error });
    else setView(opened.data ? { kind: 'report', report: opened.data } : { kind: 'idle' });
  }

  useCrmEvent('intel:progress', (event) => {
    if (!lookupIds.current.has(event.lookupId)) return;
    setEvents((previous) => new Map(previous).set(event.component, event));
  });

  const lookup = async (name: string, options: { pick?: number; refresh?: boolean } = {}) => {
    const lookupId = newLookupId();
    lookupIds.current = new Set([lookupId]);
    setEvents(new Map());
    setMessage(null);
    setView({ kind: 'running', query: name, components: BUILTIN_WORKFLOWS[workflow].steps.map((s) => s.component) });
    try {
      const report = await crm()['intel:lookup']({ query: name, workflow, lookupId, ...options });
      setView({ kind: 'report', report });
      recent.reload();
    } catch (error) {
      setView({ kind: 'error', message: errorMessage(error) });
    }
  };

  const openStored = async (runId: number) => {
    setMessage(null);
    setView({ kind: 'loading' });
    try {
      const report = await crm()['intel:report']({ runId });
      setView(report ? { kind: 'report', report } : { kind: 'error', message: `Run ${runId} has no stored report.` });
    } catch (error) {
      setView({ kind: 'error', message: errorMessage(error) });
    }
  };

  const refresh = async (report: CompanyReport, component: string | null) => {
    if (component === null) return lookup(report.company.name, { refresh: true });
    lookupIds.current = new Set([`run-${report.run.id}`]);
    setRefreshing((s) => new Set(s).add(component));
    setMessage(null);
    try {
      const updated = await crm()['intel:rerunStep']({ runId: report.run.id, component, refresh: true });
      setView({ kind: 'report', report: updated });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    } finally {
      setRefreshing((s) => {
        const next = new Set(s);
        next.delete(component);
        return next;
      });
    }
  };

  const copyMarkdown = async (report: CompanyReport) => {
    setMessage(null);
    try {
      const { markdown } = await crm()['intel:exportMarkdown']({ runId: report.run.id });
      await navigator.clipboard.writeText(markdown);
      setMessage({ tone: 'ok', text: 'Report copied as Markdown.' });
    } catch (error) {
      setMessage({ tone: 'error', text: errorMessage(error) });
    }
  };

  /** Curates the shown report's company; the stored report comes back with the profile merged in. */
  const curate = async (request: CurateRequest, done: string) => {
    if (shownRun === null || profile.state !== 'ready') return;
    const { report, entries } = await crm()['intel:curate']({ ...request, runId: shownRun });
    setView({ kind: 'report', report });
    profile.set(entries);
    setMessage({ tone: 'ok', text: done });
  };
  const curation: Curation | undefined =
    profile.state === 'ready' && shownRun !== null
      ? {
          entries: profile.data,
          save: (entry, id) =>
            curate(
              id === undefined ? { action: 'add', entry } : { action: 'edit', id, entry },
              `Saved to the profile: ${entry.value}.`,
            ),
          remove: (id) => curate({ action: 'remove', id }, 'Removed from the profile.'),
        }
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim()) void lookup(query.trim());
  };
  const running = view.kind === 'running';
  const noKeys = keys.state === 'ready' && !Object.values(keys.data).some(Boolean);

  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Company lookup</h1>
        <p className="muted">Every fact in a report links to the page it came from.</p>
      </header>
      <FirstRunNotice
        onLookup={(name) => {
          setQuery(name);
          void lookup(name);
        }}
        otherwise={noKeys && <OfflineNotice showLink />}
      />
      <form className="card lookup-form" role="search" aria-label="Look up a company" onSubmit={submit}>
        <div className="search-row">
          <label htmlFor="lookup-query" className="visually-hidden">
            Company name or domain
          </label>
          <input
            id="lookup-query"
            type="search"
            value={query}
            placeholder="Company name or domain, e.g. Lumora Analytics"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label htmlFor="lookup-workflow" className="visually-hidden">
            Depth
          </label>
          <select
            id="lookup-workflow"
            className="workflow-select"
            value={workflow}
            onChange={(e) => setWorkflow(e.target.value as Workflow)}
          >
            {WORKFLOWS.map((w) => (
              <option key={w} value={w}>
                {w === 'standard' ? 'Standard (overview, people)' : 'Comprehensive (+ funding, news)'}
              </option>
            ))}
          </select>
          <button type="submit" className="button-primary" disabled={running || !query.trim()}>
            Look up
          </button>
        </div>
        <RecentCompanies recent={recent} onOpen={(runId) => void openStored(runId)} />
      </form>
      <p
        className={message?.tone === 'error' ? 'field-error action-message' : 'muted action-message'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
      {view.kind === 'idle' && companyName && (
        <EmptyState
          title={`${companyName} has not been looked up yet`}
          action={
            <button type="button" className="button-primary" onClick={() => void lookup(companyName)}>
              Look up {companyName}
            </button>
          }
        >
          There is no stored report for it yet. A lookup finds its overview, decision makers, funding and news, each
          with its sources.
        </EmptyState>
      )}
      {view.kind === 'idle' && !companyName && (
        <EmptyState title="Look up a company">
          Type a company name or web domain above. The report lists its overview, decision makers, funding and news,
          each with its sources.
        </EmptyState>
      )}
      {(view.kind === 'opening' || view.kind === 'loading') && <Skeleton lines={8} label="Opening the stored report" />}
      {view.kind === 'error' && <ErrorBanner message={view.message} />}
      {view.kind === 'running' && (
        <section className="card" aria-label="Progress">
          <div className="section-header">
            <h2>Looking up “{view.query}”</h2>
            <span className="spacer" />
            <button
              type="button"
              className="button-small"
              onClick={() => lookupIds.current.forEach((lookupId) => void crm()['intel:cancel']({ lookupId }))}
            >
              Cancel
            </button>
          </div>
          <ProgressList components={view.components} events={events} />
        </section>
      )}
      {view.kind === 'report' && needsPick(view.report) && (
        <CandidatePicker
          query={view.report.query}
          candidates={view.report.candidates}
          onPick={(pick) => void lookup(view.report.query, { pick })}
        />
      )}
      {view.kind === 'report' && !needsPick(view.report) && (
        <>
          <ReportHeader
            report={view.report}
            busy={refreshing.size > 0}
            onRefreshAll={() => void refresh(view.report, null)}
            onCopyMarkdown={() => void copyMarkdown(view.report)}
            onMessage={setMessage}
          />
          {view.report.run.status === 'cancelled' && (
            <Notice tone="warning">This lookup was cancelled; the sections it finished are shown.</Notice>
          )}
          <ReportView
            report={view.report}
            refreshing={refreshing}
            onRefresh={(component) => void refresh(view.report, component)}
            curation={curation}
          />
        </>
      )}
    </div>
  );
}

function RecentCompanies({ recent, onOpen }: { recent: Load<RecentCompany[]>; onOpen: (runId: number) => void }) {
  if (recent.state === 'error')
    return <p className="field-error">Recent companies could not be loaded: {recent.error}</p>;
  const companies = recent.data ?? [];
  return (
    <div className="recent">
      <span className="muted recent-label">Recent</span>
      {companies.length === 0 ? (
        <span className="muted">{recent.state === 'loading' ? 'Loading…' : 'None yet: your lookups appear here.'}</span>
      ) : (
        <ul className="recent-list" aria-label="Recent companies">
          {companies.map((c) => (
            <li key={c.companyId}>
              <button
                type="button"
                className="chip"
                title={`Open the report of ${formatDate(c.lastLookupAt)}`}
                onClick={() => onOpen(c.lastRunId)}
              >
                {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ReportHeader({
  report,
  busy,
  onRefreshAll,
  onCopyMarkdown,
  onMessage,
}: {
  report: CompanyReport;
  busy: boolean;
  onRefreshAll: () => void;
  onCopyMarkdown: () => void;
  onMessage: (message: { tone: 'error' | 'ok'; text: string }) => void;
}) {
  return (
    <div className="report-header">
      <div>
        <h2 className="report-title">{report.company.name}</h2>
        <span className="muted">
          {report.company.domain ?? 'no web domain'} · {report.workflow} report of {formatDate(report.generatedAt)} ·{' '}
          {report.run.providerCalls} provider calls, {report.run.cacheHits} from cache
        </span>
      </div>
      <span className="spacer" />
      <div className="toolbar">
        <WatchButton company={{ id: report.companyId, name: report.company.name }} workflow={report.workflow} />
        <button type="button" onClick={onRefreshAll} disabled={busy}>
          Refresh all
        </button>
        <button type="button" onClick={onCopyMarkdown}>
          Copy Markdown
        </button>
        <ExportReport report={report} onMessage={onMessage} />
      </div>
    </div>
  );
}
