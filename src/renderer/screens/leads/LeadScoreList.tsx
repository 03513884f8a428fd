import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { SourceLink } from '../../components/SourceLink';

const signed = (points: number) => `${points > 0 ? '+' : ''}${points}`;

/** A lead's score as the sum of its signals, each with its points and where it comes from. */
export function LeadScoreList({ leadId, version }: { leadId: number; version: number }) {
  const score = useLoad(() => crm()['leads:score']({ id: leadId }), `lead-score:${leadId}:${version}`);
  if (score.state === 'error') return <p className="field-error">{score.error}</p>;
  if (!score.data) return null;
  return (
    <section aria-label="Lead score">
      <h3>Score {score.data.score}</h3>
      {score.data.signals.length === 0 ? (
        <p className="muted">No signal yet: look up the company, or set the target roles in settings.</p>
      ) : (
        <ul className="activity-list score-signals">
          {score.data.signals.map((signal) => (
            <li key={signal.name}>
              <span className="score-points">{signed(signal.points)}</span> {signal.label}
              <span className="muted"> · </span>
              {signal.source.kind === 'fact' ? (
                <SourceLink
                  source={{ url: signal.source.url, title: signal.source.title, publishedDate: signal.source.date }}
                />
              ) : (
                <span className="muted">
                  lead {signal.source.field}: {signal.source.value}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
