// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LookupScreen } from '../../src/renderer/screens/lookup/LookupScreen';
import { companyReport } from './fixtures';
import { crmError, installFakeCrm } from './support/fake-crm';

const keys = { tavily: true, openai: false, anthropic: false, groq: false, slack: false, webhook: false };
const token = `save-${'a'.repeat(32)}`;

function openReport(pick: (request: unknown) => unknown, exportReport: (request: unknown) => unknown) {
  const fake = installFakeCrm({
    'intel:recentCompanies': async () => [],
    'keys:status': async () => keys,
    'intel:report': async () => companyReport(),
    'intel:profile': async () => [],
    'system:pickFile': async (request) => pick(request) as never,
    'intel:exportReport': async (request) => exportReport(request) as never,
  });
  render(<LookupScreen companyId={3} />);
  return fake;
}

describe('Exporting a report', () => {
  it('asks main for a file to save under the report’s name, then writes the chosen format there', async () => {
    const fake = openReport(
      () => ({ file: { token, path: '/home/ada/acme.pdf' } }),
      () => ({ path: '/home/ada/acme.pdf', bytes: 20480 }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export PDF…' }));
    expect(await screen.findByText('Report saved as PDF: /home/ada/acme.pdf.')).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'system:pickFile')!.request).toEqual({
      mode: 'save',
      title: 'Export the report as PDF',
      defaultName: 'acme-robotics-2025-03-14.pdf',
      extensions: ['pdf'],
    });
    expect(fake.calls.find((c) => c.channel === 'intel:exportReport')!.request).toEqual({
      runId: 7,
      format: 'pdf',
      file: token,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Export Markdown…' }));
    expect(await screen.findByText(/Report saved as Markdown/)).toBeTruthy();
    expect(
      fake.calls.filter((c) => c.channel === 'intel:exportReport').map((c) => (c.request as { format: string }).format),
    ).toEqual(['pdf', 'md']);
  });

  it('writes nothing when the dialog is cancelled, and shows why an export failed', async () => {
    let answer: unknown = { file: null };
    const fake = openReport(
      () => answer,
      () => {
        throw crmError('cannot_write', '/mnt/usb/acme.html: cannot write the export: no permission to write there.');
      },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export HTML…' }));
    expect(fake.calls.some((c) => c.channel === 'system:pickFile')).toBe(true);
    expect(fake.calls.some((c) => c.channel === 'intel:exportReport')).toBe(false);
    answer = { file: { token, path: '/mnt/usb/acme.html' } };
    await userEvent.click(screen.getByRole('button', { name: 'Export HTML…' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/no permission to write there/);
  });
});
