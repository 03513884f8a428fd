import type { Request } from '../../core/ipc/contract';

export type Workflow = NonNullable<Request<'enrichment:start'>['workflow']>;

/** How deep a batch of lookups (or a watch's refreshes) researches each company: the workflow it runs. */
export function ResearchDepth({
  value,
  onChange,
  label = 'Research depth',
}: {
  value: Workflow;
  onChange: (workflow: Workflow) => void;
  /** Two on one screen are told apart by it. */
  label?: string;
}) {
  return (
    <select
      aria-label={label}
      className="auto-width"
      value={value}
      onChange={(e) => onChange(e.target.value as Workflow)}
    >
      <option value="standard">Overview and decision makers</option>
      <option value="comprehensive">Also funding and news (more credits)</option>
    </select>
  );
}
