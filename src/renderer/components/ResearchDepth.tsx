import type { Request } from '../../core/ipc/contract';

export type Workflow = NonNullable<Request<'enrichment:start'>['workflow']>;

/** The built-in workflows as the analyst reads them. */
export const BUILT_IN_WORKFLOWS: Record<Workflow, string> = {
  standard: 'Overview and decision makers',
  comprehensive: 'Also funding and news (more credits)',
};

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
      <option value="standard">{BUILT_IN_WORKFLOWS.standard}</option>
      <option value="comprehensive">{BUILT_IN_WORKFLOWS.comprehensive}</option>
    </select>
  );
}
