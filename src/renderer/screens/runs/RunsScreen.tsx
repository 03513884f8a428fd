import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { Badge, ErrorBanner, Skeleton } from '../../components/feedback';
import { formatDate } from '../../components/SourceLink';
import { RunHistory } from './RunHistory';
import { PlanRunList } from './PlanRunList';
import { PlansPanel } from './PlansPanel';

/** Plans (added, edited and run here), their runs and lookups (each with its steps) and lead imports, newest first. */
export function RunsScreen() {
  const runs = useLoad(() => crm()['intel:runs']({ limit: 100 }), 'runs');
  const planRuns = useLoad(() => crm()['plans:runs']({ limit: 50 }), 'plan-runs');
  const imports = useLoad(() => crm()['imports:list'](), 'imports');
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Runs</h1>
        <p className="muted">
          Plans, and every plan run and lookup with its steps: time, provider calls, cache hits and errors. A failed
          lookup step can be retried alone.
        </p>
      </header>
      <PlansPanel onRan={planRuns.reload} />
      <h2>Plan runs</h2>
      {planRuns.state === 'error' && <ErrorBanner message={planRuns.error} onRetry={planRuns.reload} />}
      {!planRuns.data && planRuns.state === 'loading' && <Skeleton lines={3} label="Loading plan runs" />}
      {planRuns.data && <PlanRunList runs={planRuns.data} />}
      <h2>Lookups</h2>
      {runs.state === 'error' && <ErrorBanner message={runs.error} onRetry={runs.reload} />}
      {!runs.data && runs.state === 'loading' && <Skeleton lines={6} label="Loading runs" />}
      {runs.data && (
        <RunHistory
          runs={runs.data}
          onRetry={async (runId, component) => {
            await crm()['intel:rerunStep']({ runId, component });
            runs.reload();
          }}
        />
      )}
      <h2>Imports</h2>
      {imports.state === 'error' && <ErrorBanner message={imports.error} onRetry={imports.reload} />}
      {!imports.data && imports.state === 'loading' && <Skeleton lines={3} label="Loading imports" />}
      {imports.data && imports.data.length === 0 && (
        <p className="muted">No imports yet: import leads from the Leads screen.</p>
      )}
      {imports.data && imports.data.length > 0 && (
        <div className="card table-card">
          <table className="data-table" aria-label="Imports">
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Rows
                </th>
                <th scope="col" className="numeric">
                  Imported
                </th>
                <th scope="col" className="numeric">
                  Duplicates
                </th>
                <th scope="col" className="numeric">
                  Rejected
                </th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((i) => (
                <tr key={i.id}>
                  <td>#{i.id}</td>
                  <td className="cell-truncate" title={i.fileName}>
                    {i.fileName}
                  </td>
                  <td>
                    <Badge tone={i.status === 'completed' ? 'success' : i.status === 'failed' ? 'danger' : 'neutral'}>
                      {i.status}
                    </Badge>
                  </td>
                  <td className="numeric">{i.rowsTotal}</td>
                  <td className="numeric">{i.imported}</td>
                  <td className="numeric">{i.duplicates}</td>
                  <td className="numeric">{i.rejected}</td>
                  <td className="muted">{formatDate(i.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
