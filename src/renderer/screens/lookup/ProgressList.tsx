import type { ProgressEvent } from '../../../core/intel/domain';
import { Badge } from '../../components/feedback';

const TONES = {
  pending: 'neutral',
  running: 'accent',
  completed: 'success',
  failed: 'danger',
  skipped: 'warning',
  cancelled: 'warning',
} as const;

/**
 * Live progress, one row per component. Rows for the workflow's components exist from the start (as
 * pending), so the list does not grow and push the page while events arrive.
 */
export function ProgressList({ components, events }: { components: string[]; events: Map<string, ProgressEvent> }) {
  const names = [...new Set([...components, ...events.keys()])];
  return (
    <ul className="progress-list" aria-label="Lookup progress" aria-live="polite">
      {names.map((component) => {
        const event = events.get(component);
        const status = event?.status ?? 'pending';
        return (
          <li key={component}>
            <span className="progress-name">{component}</span>
            <Badge tone={TONES[status]}>{status}</Badge>
            <span className="muted progress-message">{event?.message ?? 'Waiting'}</span>
          </li>
        );
      })}
    </ul>
  );
}
