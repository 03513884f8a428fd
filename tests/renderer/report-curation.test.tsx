// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LookupScreen } from '../../src/renderer/screens/lookup/LookupScreen';
import type { CompanyReport, ProfileEntry } from '../../src/core/intel/domain';
import { companyReport } from './fixtures';
import { crmError, installFakeCrm } from './support/fake-crm';

const about = 'https://acme.example/about';
const keys = { tavily: true, openai: false, anthropic: false, groq: false, slack: false, webhook: false };

function entry(overrides: Partial<ProfileEntry>): ProfileEntry {
  return {
    id: 11,
    companyId: 3,
    kind: 'executive',
    value: 'Dana Reyes',
    title: 'President',
    note: null,
    curator: 'dana',
    updatedAt: '2025-03-20T10:00:00.000Z',
    ...overrides,
  };
}

/** The Lookup screen opened on company 3's stored report (run 7), curating through `curate`. */
function openReport(report: CompanyReport, entries: ProfileEntry[], curate: (request: unknown) => unknown) {
  const fake = installFakeCrm({
    'intel:recentCompanies': async () => [],
    'keys:status': async () => keys,
    'intel:report': async () => report,
    'intel:profile': async () => entries,
    'intel:curate': async (request) => curate(request) as never,
  });
  render(<LookupScreen companyId={3} />);
  return fake;
}

describe('Curating a report in place', () => {
  it('corrects a found decision maker with a note, then marks the row as curated with its note', async () => {
    const curated = entry({ note: 'Met at the fair' });
    const fake = openReport(companyReport(), [], () => ({
      report: companyReport({
        executives: [
          {
            name: 'Dana Reyes',
            title: 'President',
            function: 'executive',
            seniority: 'c_level',
            sources: ['profile:11', about],
            origin: 'profile',
          },
        ],
      }),
      entries: [curated],
    }));
    const people = within(await screen.findByRole('region', { name: 'Decision makers' }));
    await userEvent.click(await people.findByRole('button', { name: 'Correct Dana Reyes' }));
    const form = within(people.getByRole('form', { name: 'Curate decision maker' }));
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('Dana Reyes');
    await userEvent.clear(form.getByLabelText('Title'));
    await userEvent.type(form.getByLabelText('Title'), 'President');
    await userEvent.type(form.getByLabelText('Note (where you learned it)'), 'Met at the fair');
    await userEvent.click(form.getByRole('button', { name: 'Save to profile' }));

    expect(fake.calls.find((c) => c.channel === 'intel:curate')!.request).toEqual({
      action: 'add',
      runId: 7,
      entry: { kind: 'executive', value: 'Dana Reyes', title: 'President', note: 'Met at the fair' },
    });
    const row = within(people.getByRole('row', { name: /Dana Reyes/ }));
    expect(row.getByText('President')).toBeTruthy();
    expect(row.getByText('Curated').getAttribute('title')).toBe('Curated by dana on 2025-03-20');
    expect(row.getByText(/Met at the fair/)).toBeTruthy();
    expect(row.getByRole('button', { name: 'Remove curated Dana Reyes' })).toBeTruthy();
    expect(people.queryByRole('form')).toBeNull();
    expect(screen.getByRole('status', { name: '' }).textContent).toContain('Saved to the profile: Dana Reyes.');
  });

  it('edits and removes a curated overview value by its entry id', async () => {
    const hq = entry({ id: 12, kind: 'headquarters', value: 'Boulder, CO', title: null, note: 'Their invoice' });
    const report = companyReport({
      overview: { ...companyReport().overview, headquarters: [{ value: 'Boulder, CO', sources: ['profile:12'] }] },
    });
    const requests: unknown[] = [];
    openReport(report, [hq], (request) => {
      requests.push(request);
      return { report: companyReport(), entries: [] };
    });
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    expect(await overview.findByText('Curated')).toBeTruthy();
    expect(overview.getByText(/Their invoice/)).toBeTruthy();
    await userEvent.click(overview.getByRole('button', { name: 'Edit curated Headquarters' }));
    const form = within(overview.getByRole('form', { name: 'Curate Headquarters' }));
    expect((form.getByLabelText('Headquarters') as HTMLInputElement).value).toBe('Boulder, CO');
    expect((form.getByLabelText('Note (where you learned it)') as HTMLInputElement).value).toBe('Their invoice');
    await userEvent.clear(form.getByLabelText('Headquarters'));
    await userEvent.type(form.getByLabelText('Headquarters'), 'Boulder, Colorado');
    await userEvent.click(form.getByRole('button', { name: 'Save to profile' }));
    expect(requests[0]).toEqual({
      action: 'edit',
      runId: 7,
      id: 12,
      entry: { kind: 'headquarters', value: 'Boulder, Colorado', note: 'Their invoice' },
    });
    // The answer has no curated entry left: the found values are back, with Correct instead of Edit.
    expect(await overview.findByText(/Austin, TX/)).toBeTruthy();
    expect(overview.queryByText('Curated')).toBeNull();
    expect(overview.getByRole('button', { name: 'Curate Headquarters' })).toBeTruthy();
  });

  it('removes a curated value', async () => {
    const hq = entry({ id: 12, kind: 'headquarters', value: 'Boulder, CO', title: null });
    const report = companyReport({
      overview: { ...companyReport().overview, headquarters: [{ value: 'Boulder, CO', sources: ['profile:12'] }] },
    });
    const fake = openReport(report, [hq], () => ({ report: companyReport(), entries: [] }));
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    await userEvent.click(await overview.findByRole('button', { name: 'Remove curated Headquarters' }));
    expect(fake.calls.find((c) => c.channel === 'intel:curate')!.request).toEqual({
      action: 'remove',
      runId: 7,
      id: 12,
    });
    expect(await overview.findByText(/Austin, TX/)).toBeTruthy();
  });

  it('keeps the form and shows what was wrong when the entry is refused', async () => {
    openReport(companyReport(), [], () => {
      throw crmError('invalid_request', 'entry.title: an executive needs a title');
    });
    const people = within(await screen.findByRole('region', { name: 'Decision makers' }));
    await userEvent.click(await people.findByRole('button', { name: 'Add decision maker' }));
    const form = within(people.getByRole('form', { name: 'Curate decision maker' }));
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    await userEvent.type(form.getByLabelText('Name'), 'Ann Lee');
    await userEvent.click(form.getByRole('button', { name: 'Save to profile' }));
    expect((await form.findByRole('alert')).textContent).toBe('entry.title: an executive needs a title');
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('Ann Lee');
    await userEvent.click(form.getByRole('button', { name: 'Cancel' }));
    expect(people.queryByRole('form')).toBeNull();
  });

  it('offers no curation for a report with candidates only (no company)', async () => {
    const fake = openReport(companyReport({ companyId: null }), [], () => ({}));
    expect(await screen.findByRole('heading', { name: 'Acme Robotics', level: 2 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add decision maker' })).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'intel:profile')).toBe(false);
  });
});
