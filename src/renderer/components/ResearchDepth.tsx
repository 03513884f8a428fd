import type { Request } from '../../core/ipc/contract';

export type Workflow = NonNullable<Request<'enrichment:start'>['workflow']>;

/** How deep a batch of lookups researches each company: the workflow it runs. */
export function ResearchDepth({ value, onChange }: { value: Workflow; onChange: (workflow: Workflow) => void }) {
  return (
    <select
      aria-label="Research depth"
      className="auto-width"
      value={value}
      onChange={(e) => onChange(e.target.value as Workflow)}
    >
      <option value="standard">Overview and decision makers</option>
      <option value="comprehensive">Also funding and news (more credits)</option>
    </select>
  );
}
