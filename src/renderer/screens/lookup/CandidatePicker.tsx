import type { Candidate } from '../../../core/intel/domain';

/** When a name means several companies: the analyst picks one; nothing about the others enters the report. */
export function CandidatePicker({
  query,
  candidates,
  onPick,
}: {
  query: string;
  candidates: Candidate[];
  onPick: (index: number) => void;
}) {
  return (
    <section className="card" aria-label="Which company?">
      <h2>Which “{query}” do you mean?</h2>
      <p className="muted">The sources describe several companies with this name. Pick one to build its report.</p>
      <ul className="candidate-list">
        {candidates.map((c) => (
          <li key={c.index}>
            <button type="button" className="candidate" onClick={() => onPick(c.index)}>
              <strong>{c.name}</strong>
              {c.domain && <span className="muted"> · {c.domain}</span>}
              <span className="candidate-description">{c.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
