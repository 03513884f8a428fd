// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Request, Response } from '../../src/core/ipc/contract';
import { ImportWizard } from '../../src/renderer/screens/leads/ImportWizard';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

type Summary = Response<'imports:start'>;

const preview: Response<'imports:preview'> = {
  format: 'csv',
  encoding: 'utf-8',
  delimiter: ',',
  headerRowNumber: 1,
  headers: ['Name', 'Mail', 'Org'],
  sampleRows: [{ rowNumber: 2, cells: ['Jane Okafor', 'jane@lumora.io', 'Lumora'] }],
  columns: [
    { column: 'Name', target: 'fullName', confidence: 0.97, reason: 'header “Name”' },
    { column: 'Mail', target: 'email', confidence: 0.9, reason: 'values look like emails' },
    { column: 'Org', target: 'custom', confidence: 0.3, reason: 'no field matched' },
  ],
  fileSha256: 'abc',
  alreadyImported: [],
};

function summary(overrides: Partial<Summary> = {}): Summary {
  return { importId: 5, rowsTotal: 3, imported: 2, duplicates: 0, rejected: 1, errors: [], warnings: [], ...overrides };
}

const noBatch = { 'enrichment:list': async () => [] };

/** The file dialog, answered by main with a token for the analyst's file. */
const LEADS_FILE = { token: `open-${'0'.repeat(32)}`, path: '/data/leads.csv' };
const pickLeadsFile = { 'system:pickFile': async () => ({ file: LEADS_FILE }) };

/** Picks the file and waits for the columns step. */
async function toMapping() {
  await userEvent.click(screen.getByRole('button', { name: 'Browse…' }));
  await screen.findByDisplayValue(LEADS_FILE.path);
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('table', { name: 'Column mapping' });
}

describe('Import wizard', () => {
  it('sends only the columns the analyst changed as overrides, and marks them changed', async () => {
    const fake = installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async () => preview,
      'imports:start': async () => summary({ rejected: 0 }),
      ...noBatch,
    });
    render(<ImportWizard onClose={() => {}} />);
    await toMapping();
    const org = screen.getByRole('combobox', { name: 'Import “Org” as' });
    await userEvent.selectOptions(org, 'company');
    const row = org.closest('tr')!;
    expect(within(row).getByText('Changed by you')).toBeTruthy();
    expect(within(row).getByText('was Keep as a custom field')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('heading', { name: 'Import #5 finished' });
    const request = fake.calls.find((c) => c.channel === 'imports:start')!.request as Request<'imports:start'>;
    expect(request).toMatchObject({ file: LEADS_FILE.token, overrides: { Org: 'company' }, onDuplicate: 'skip' });
    expect(Object.keys(request.overrides!)).toEqual(['Org']);
  });

  it('shows progress of its own job only, cancels that job, and returns to the columns with the reason', async () => {
    const started = deferred<Summary>();
    const fake = installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async () => preview,
      'imports:start': () => started.promise,
      'imports:cancel': async () => ({ cancelled: true }),
    });
    render(<ImportWizard onClose={() => {}} />);
    await toMapping();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Starting…')).toBeTruthy();
    const { jobId } = fake.calls.find((c) => c.channel === 'imports:start')!.request as { jobId: string };
    act(() =>
      fake.emit('import:progress', { jobId: 'another-job', rows: 999, bytes: 1, totalBytes: 10, rowsPerSecond: 1 }),
    );
    expect(screen.getByText('Starting…')).toBeTruthy();
    act(() => fake.emit('import:progress', { jobId, rows: 1200, bytes: 50, totalBytes: 100, rowsPerSecond: 3000 }));
    expect(screen.getByText('1,200 rows read · 3,000 rows/s')).toBeTruthy();
    expect((screen.getByLabelText('Import progress') as HTMLProgressElement).value).toBe(50);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(fake.calls.find((c) => c.channel === 'imports:cancel')?.request).toEqual({ jobId });
    await act(async () => started.reject(crmError('cancelled', 'The import was cancelled; nothing was saved.')));
    expect((await screen.findByRole('alert')).textContent).toContain('The import was cancelled; nothing was saved.');
    expect(screen.getByRole('table', { name: 'Column mapping' })).toBeTruthy();
  });

  it('lists rejected rows with their problems, re-imports the fixed values and reports them', async () => {
    // Answered by the test once the region shows, so the rows are asserted after their answer, however slow the machine.
    const rejectedRows = deferred<Response<'imports:rejected'>>();
    const fake = installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async () => preview,
      'imports:start': async () => summary(),
      'imports:rejected': () => rejectedRows.promise,
      'imports:retryRejected': async () => summary({ importId: 6, rowsTotal: 1, imported: 1, rejected: 0 }),
      ...noBatch,
    });
    render(<ImportWizard onClose={() => {}} />);
    await toMapping();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const rejected = await screen.findByRole('region', { name: 'Rejected rows' });
    expect(within(rejected).getByLabelText('Loading rejected rows')).toBeTruthy();
    await act(async () =>
      rejectedRows.resolve({
        total: 1,
        rows: [
          {
            row: 4,
            errors: [{ column: 'Mail', field: 'email', message: 'not an email address' }],
            raw: { Name: 'Bad Row', Mail: 'bad-at-example', Org: 'Acme' },
          },
        ],
      }),
    );
    expect((await within(rejected).findByRole('list', { name: 'Problems in row 4' })).textContent).toBe(
      'Mail: not an email address',
    );
    // Only the column at fault is offered for editing.
    const mail = await within(rejected).findByLabelText('Mail (row 4)');
    expect(within(rejected).queryByLabelText('Name (row 4)')).toBeNull();
    expect(mail.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(mail);
    await userEvent.type(mail, 'bad@example.com');
    await userEvent.click(within(rejected).getByRole('button', { name: 'Retry 1 fixed row' }));
    expect(await screen.findByRole('heading', { name: 'Fixed rows of import #5 imported' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'imports:retryRejected')?.request).toMatchObject({
      importId: 5,
      fixes: [{ row: 4, values: { Name: 'Bad Row', Mail: 'bad@example.com', Org: 'Acme' } }],
    });
  });

  it('undoes the import and leaves the wizard; a refused undo stays with its reason', async () => {
    const onClose = vi.fn();
    let refuse = true;
    const fake = installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async () => preview,
      'imports:start': async () => summary({ rejected: 0 }),
      'imports:undo': async ({ importId }) => {
        if (refuse) throw crmError('import_in_use', 'Drafts of this import were already copied.');
        return { importId, leadsRemoved: 2, contactsRemoved: 2, companiesRemoved: 1 };
      },
      ...noBatch,
    });
    render(<ImportWizard onClose={onClose} />);
    await toMapping();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Undo import #5' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Drafts of this import were already copied.');
    expect(onClose).not.toHaveBeenCalled();
    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: 'Undo import #5' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledWith());
    expect(fake.calls.filter((c) => c.channel === 'imports:undo').map((c) => c.request)).toEqual([
      { importId: 5 },
      { importId: 5 },
    ]);
  });
});

describe('Import wizard, Excel workbooks', () => {
  const workbook = (sheet: string, headers: string[]): Response<'imports:preview'> => ({
    ...preview,
    format: 'xlsx',
    encoding: undefined,
    delimiter: undefined,
    sheets: ['Summary', 'Leads'],
    sheet,
    headers,
    columns: headers.map((column) => ({
      column,
      target: column === 'Email' ? 'email' : 'custom',
      confidence: 0.9,
      reason: 'test',
    })),
  });

  it('offers the workbook’s sheets, previews the chosen one, and imports that sheet', async () => {
    const fake = installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async ({ sheet }) =>
        sheet === 'Leads' ? workbook('Leads', ['Email', 'Owner']) : workbook('Summary', ['Quarter']),
      'imports:start': async () => summary({ rejected: 0 }),
      ...noBatch,
    });
    render(<ImportWizard onClose={() => {}} />);
    await toMapping();
    expect(screen.getByText(/^XLSX, sheet “Summary”/)).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sheet' }), 'Leads');
    await screen.findByRole('combobox', { name: 'Import “Owner” as' });
    expect(screen.queryByRole('combobox', { name: 'Import “Quarter” as' })).toBeNull();
    expect(
      fake.calls
        .filter((c) => c.channel === 'imports:preview')
        .map((c) => (c.request as Request<'imports:preview'>).sheet),
    ).toEqual([undefined, 'Leads']);
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('heading', { name: 'Import #5 finished' });
    expect(fake.calls.find((c) => c.channel === 'imports:start')!.request).toMatchObject({
      file: LEADS_FILE.token,
      sheet: 'Leads',
    });
  });

  it('asks for no sheet when the file has one', async () => {
    installFakeCrm({
      ...pickLeadsFile,
      'imports:preview': async () => ({ ...workbook('Leads', ['Email']), sheets: ['Leads'] }),
      ...noBatch,
    });
    render(<ImportWizard onClose={() => {}} />);
    await toMapping();
    expect(screen.queryByRole('combobox', { name: 'Sheet' })).toBeNull();
  });
});
