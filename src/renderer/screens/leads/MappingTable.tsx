import { LEAD_FIELDS, type ColumnTarget } from '../../../core/leads/fields';
import type { Response } from '../../../core/ipc/contract';
import { Badge } from '../../components/feedback';

type Preview = Response<'imports:preview'>;

const TARGET_LABELS: Record<ColumnTarget, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  title: 'Job title',
  website: 'Website',
  linkedinUrl: 'LinkedIn URL',
  city: 'City',
  state: 'State / region',
  country: 'Country',
  leadSource: 'Lead source',
  leadStatus: 'Lead status',
  notes: 'Notes',
  custom: 'Keep as a custom field',
  skip: 'Do not import',
};
const TARGETS: ColumnTarget[] = [...LEAD_FIELDS, 'custom', 'skip'];

function confidence(value: number): { tone: 'success' | 'warning' | 'danger'; label: string } {
  const percent = `${Math.round(value * 100)}%`;
  if (value >= 0.85) return { tone: 'success', label: percent };
  if (value >= 0.6) return { tone: 'warning', label: percent };
  return { tone: 'danger', label: percent };
}

/** One row per column: sample values, the matched field with its confidence (and why), and a select to change it. */
export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: Preview;
  mapping: Record<string, ColumnTarget>;
  onChange: (column: string, target: ColumnTarget) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table mapping-table" aria-label="Column mapping">
        <thead>
          <tr>
            <th scope="col">Column in the file</th>
            <th scope="col">Sample values</th>
            <th scope="col">Imported as</th>
            <th scope="col">Match</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c, index) => {
            const target = mapping[c.column] ?? c.target;
            const changed = target !== c.target;
            const match = confidence(c.confidence);
            return (
              <tr key={c.column}>
                <th scope="row" className="mapping-column">
                  {c.column}
                </th>
                <td className="mapping-samples muted">
                  {preview.sampleRows
                    .slice(0, 3)
                    .map((r) => r.cells[index] ?? '')
                    .filter(Boolean)
                    .join(' · ') || '(empty)'}
                </td>
                <td>
                  <select
                    aria-label={`Import “${c.column}” as`}
                    value={target}
                    onChange={(e) => onChange(c.column, e.target.value as ColumnTarget)}
                  >
                    {TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {TARGET_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {changed ? (
                    <Badge tone="accent">Changed by you</Badge>
                  ) : (
                    <Badge tone={match.tone} title={c.reason}>
                      {match.label}
                    </Badge>
                  )}
                  <span className="mapping-reason muted">{changed ? `was ${TARGET_LABELS[c.target]}` : c.reason}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
