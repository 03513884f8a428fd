// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../src/core/ipc/contract';
import { ImportCompanies } from '../../src/renderer/screens/companies/ImportCompanies';
import { crmError, installFakeCrm } from './support/fake-crm';

type Preview = Response<'imports:preview'>;

const TOKEN = `open-${'a'.repeat(32)}`;

function preview(overrides: Partial<Preview> = {}): Preview {
  return {
    format: 'csv',
    headerRowNumber: 1,
    headers: ['Org', 'Name', 'URL', 'Owner'],
    sampleRows: [
      { rowNumber: 2, cells: ['Acme', 'Dana Smith', 'acme.example', 'Dana'] },
      { rowNumber: 3, cells: ['Globex', 'Lee Park', '', 'Lee'] },
    ],
    // "Name" holds people here, yet the automatic mapping reads it as the list's names.
    columns: [
      { column: 'Org', target: 'custom', confidence: 0.2, reason: 'no match' },
      { column: 'Name', target: 'fullName', confidence: 0.9, reason: 'header' },
      { column: 'URL', target: 'website', confidence: 0.9, reason: 'header' },
      { column: 'Owner', target: 'custom', confidence: 0.2, reason: 'no match' },
    ],
    fileSha256: 'f'.repeat(64),
    alreadyImported: [],
    ...overrides,
  };
}

const SUMMARY: Response<'companies:import'> = {
  importId: 4,
  rowsTotal: 3,
  imported: 2,
  duplicates: 0,
  rejected: 1,
  errors: [{ row: 4, column: 'URL', field: 'website', message: '"not a site" is not a web address or domain' }],
  warnings: [],
};

describe('Importing a list of companies', () => {
  it('preselects the columns the lead mapping matched, imports the columns the analyst chose, and undoes it', async () => {
    let changed = 0;
    const fake = installFakeCrm({
      'system:pickFile': async () => ({ file: { token: TOKEN, path: '/home/ada/accounts.csv' } }),
      'imports:preview': async () => preview(),
      'companies:import': async () => SUMMARY,
      'imports:undo': async () => ({ importId: 4, leadsRemoved: 0, contactsRemoved: 0, companiesRemoved: 2 }),
    });
    render(<ImportCompanies onChanged={() => (changed += 1)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Import companies…' }));
    const card = await screen.findByRole('region', { name: 'Company import' });
    expect(within(card).getByText(/^From \/home\/ada\/accounts\.csv: which columns hold the companies\?/)).toBeTruthy();
    const names = within(card).getByLabelText('Company names from') as HTMLSelectElement;
    const websites = within(card).getByLabelText('Websites from') as HTMLSelectElement;
    expect([names.value, websites.value]).toEqual(['Name', 'URL']);
    expect(within(card).getByText('e.g. Dana Smith, Lee Park')).toBeTruthy();

    // The companies are in "Org": the analyst says so, and "Name" is no longer read.
    await userEvent.selectOptions(names, 'Org');
    expect(within(card).getByText('e.g. Acme, Globex')).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Import these companies' }));
    expect(fake.calls.find((c) => c.channel === 'companies:import')!.request).toEqual({
      file: TOKEN,
      overrides: { Org: 'company', Name: 'skip' },
    });
    expect(within(card).getByRole('status').textContent).toBe(
      'Import #4: 3 rows, 2 new companies, 0 already known, 1 rejected.',
    );
    expect(within(card).getByRole('list', { name: 'Rejected rows' }).textContent).toBe(
      'Row 4, URL: "not a site" is not a web address or domain',
    );
    expect(changed).toBe(1);

    await userEvent.click(within(card).getByRole('button', { name: 'Undo import #4' }));
    expect(fake.calls.find((c) => c.channel === 'imports:undo')!.request).toEqual({ importId: 4 });
    expect(within(card).getByRole('status').textContent).toBe('Import #4 undone: the companies it added are gone.');
    expect(changed).toBe(2);
  });

  it('reads the sheet chosen, holds the import until a column is chosen, and keeps the choice when it is refused', async () => {
    const fake = installFakeCrm({
      'system:pickFile': async () => ({ file: { token: TOKEN, path: '/home/ada/accounts.xlsx' } }),
      'imports:preview': async ({ sheet }) =>
        sheet === 'Prospects'
          ? preview({
              format: 'xlsx',
              sheets: ['Summary', 'Prospects'],
              sheet: 'Prospects',
              headers: ['Company', 'Owner'],
              sampleRows: [{ rowNumber: 2, cells: ['Initech', 'Dana'] }],
              columns: [
                { column: 'Company', target: 'company', confidence: 1, reason: 'header' },
                { column: 'Owner', target: 'custom', confidence: 0.2, reason: 'no match' },
              ],
            })
          : preview({
              format: 'xlsx',
              sheets: ['Summary', 'Prospects'],
              sheet: 'Summary',
              headers: ['Quarter'],
              sampleRows: [{ rowNumber: 2, cells: ['Q1'] }],
              columns: [{ column: 'Quarter', target: 'custom', confidence: 0.1, reason: 'no match' }],
            }),
      'companies:import': async () => {
        throw crmError('file_changed', 'accounts.xlsx changed since it was picked: pick it again.');
      },
    });
    render(<ImportCompanies onChanged={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Import companies…' }));
    const card = await screen.findByRole('region', { name: 'Company import' });
    const importButton = within(card).getByRole('button', { name: 'Import these companies' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);
    expect(within(card).getByText('Choose the column of names, of websites, or both.')).toBeTruthy();

    await userEvent.selectOptions(within(card).getByLabelText('Sheet'), 'Prospects');
    expect(fake.calls.filter((c) => c.channel === 'imports:preview').at(-1)!.request).toEqual({
      file: TOKEN,
      sheet: 'Prospects',
    });
    expect(((await within(card).findByLabelText('Company names from')) as HTMLSelectElement).value).toBe('Company');
    await userEvent.click(within(card).getByRole('button', { name: 'Import these companies' }));
    expect(fake.calls.find((c) => c.channel === 'companies:import')!.request).toEqual({
      file: TOKEN,
      sheet: 'Prospects',
      overrides: {},
    });
    expect(within(card).getByRole('alert').textContent).toBe(
      'accounts.xlsx changed since it was picked: pick it again.',
    );
    expect((within(card).getByLabelText('Company names from') as HTMLSelectElement).value).toBe('Company');

    await userEvent.click(within(card).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Company import' })).toBeNull();
  });
});
