import { isSampleLead, SAMPLE_LEAD_TITLE } from '../../core/setup/sample-lead';
import { Badge } from './feedback';

/** "Sample" beside a lead's name when it came from the sample lead file (its stored lead source). */
export function SampleBadge({ source }: { source: string | null }) {
  if (!isSampleLead({ source })) return null;
  return (
    <span className="sample-badge">
      <Badge tone="accent" title={SAMPLE_LEAD_TITLE}>
        Sample
      </Badge>
    </span>
  );
}
