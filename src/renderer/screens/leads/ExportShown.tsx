import { useState } from 'react';
import type { LeadExportColumn } from '../../../core/leads/export/lead-export';
import type { LeadListQuery } from '../../../core/leads/query/lead-schemas';
import { crm, exportErrorMessage } from '../../lib/crm';

/** Writes the leads shown (the table's filter, order and columns) to a CSV file chosen in main's save dialog. */
export function ExportShown({
  filter,
  sort,
  columns,
}: {
  filter: NonNullable<LeadListQuery['filter']>;
  sort: NonNullable<LeadListQuery['sort']>;
  columns: LeadExportColumn[];
}) {
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const exportShown = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { file } = await crm()['system:pickFile']({
        mode: 'save',
        title: 'Export the leads shown',
        defaultName: 'leads.csv',
        extensions: ['csv'],
      });
      if (!file) return;
      const result = await crm()['leads:export']({ file: file.token, filter, sort, columns });
      setMessage({
        error: false,
        text: `${result.rows} ${result.rows === 1 ? 'lead' : 'leads'} written to ${file.path}.`,
      });
    } catch (error) {
      setMessage({ error: true, text: exportErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void exportShown()}>
        Export shown…
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'field-error' : 'muted'}>
          {message.text}
        </span>
      )}
    </>
  );
}
