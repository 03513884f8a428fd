import { useState, type ReactNode } from 'react';

/** A duration as the run lists show it: milliseconds under a second, else seconds to a tenth. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A stored time to the minute, as the run lists show it. */
export const shortTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * Runs (lookups, plan runs) as cards, newest first: each a summary button that opens the run's detail, one
 * run open at a time, `initiallyOpen` first.
 */
export function RunRows<T extends { id: number }>({
  runs,
  label,
  initiallyOpen,
  summary,
  detail,
}: {
  runs: readonly T[];
  label: string;
  initiallyOpen: number | null;
  summary: (run: T) => ReactNode;
  detail: (run: T) => ReactNode;
}) {
  const [open, setOpen] = useState<number | null>(initiallyOpen);
  return (
    <ul className="run-list" aria-label={label}>
      {runs.map((run) => (
        <li key={run.id} className="card run">
          <button
            type="button"
            className="run-summary"
            aria-expanded={open === run.id}
            onClick={() => setOpen(open === run.id ? null : run.id)}
          >
            {summary(run)}
          </button>
          {open === run.id && detail(run)}
        </li>
      ))}
    </ul>
  );
}
