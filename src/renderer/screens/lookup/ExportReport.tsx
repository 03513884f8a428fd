import { useState } from 'react';
import type { CompanyReport } from '../../../core/intel/domain';
import type { ReportFormat } from '../../../core/intel/report-export';
import { reportFileName } from '../../../core/intel/report-file';
import { crm, exportErrorMessage } from '../../lib/crm';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
];

/** Saves the report as PDF (laid out for paper), HTML or Markdown to a file chosen in main's save dialog. */
export function ExportReport({
  report,
  onMessage,
}: {
  report: CompanyReport;
  onMessage: (message: { tone: 'error' | 'ok'; text: string }) => void;
}) {
  const [busy, setBusy] = useState(false);
  const save = async (format: ReportFormat, label: string) => {
    setBusy(true);
    try {
      const { file } = await crm()['system:pickFile']({
        mode: 'save',
        title: `Export the report as ${label}`,
        defaultName: reportFileName(report, format),
        extensions: [format],
      });
      if (!file) return;
      const { path } = await crm()['intel:exportReport']({ runId: report.run.id, format, file: file.token });
      onMessage({ tone: 'ok', text: `Report saved as ${label}: ${path}.` });
    } catch (error) {
      onMessage({ tone: 'error', text: exportErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="toolbar" role="group" aria-label="Export the report">
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" disabled={busy} onClick={() => void save(format, label)}>
          Export {label}…
        </button>
      ))}
    </div>
  );
}
