// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportView } from '../../src/renderer/screens/lookup/ReportView';
import { CandidatePicker } from '../../src/renderer/screens/lookup/CandidatePicker';
import { ProgressList } from '../../src/renderer/screens/lookup/ProgressList';
import { companyReport, runSummary } from './fixtures';
import './support/fake-crm';

const idle = { onRefresh: () => {}, refreshing: new Set<string>() };

describe('Lookup report', () => {
  it('shows every value with numbered links to its sources, and the source list with title and date', () => {
    render(<ReportView report={companyReport()} {...idle} />);
    const overview = within(screen.getByRole('region', { name: 'Overview' }));
    const link = overview.getAllByRole('link', { name: /Source: About Acme Robotics/ })[0] as HTMLAnchorElement;
    expect(link.href).toBe('https://acme.example/about');
    expect(link.textContent).toBe('[1]');
    expect(link.target).toBe('_blank');
    const sources = within(screen.getByRole('region', { name: 'Sources' }));
    expect(sources.getByRole('link', { name: 'Acme raises $40M' }).getAttribute('href')).toBe(
      'https://news.example/acme-series-b',
    );
    expect(sources.getByText(/2025-02-10/)).toBeTruthy();
  });

  it('marks fields with no evidence as not found and keeps conflicting values side by side', () => {
    render(<ReportView report={companyReport()} {...idle} />);
    const overview = within(screen.getByRole('region', { name: 'Overview' }));
    expect(overview.getAllByText('Not found')).toHaveLength(3);
    expect(overview.getByText(/Austin, TX/)).toBeTruthy();
    expect(overview.getByText(/Denver, CO/)).toBeTruthy();
    expect(overview.getByText('Sources disagree')).toBeTruthy();
  });

  it('lists several products without calling them a disagreement', () => {
    const report = companyReport();
    const about = 'https://acme.example/about';
    report.overview = {
      ...report.overview,
      headquarters: [{ value: 'Austin, TX', sources: [about] }],
      products: [
        { value: 'PickBot', sources: [about] },
        { value: 'ShelfScan', sources: [about] },
      ],
    };
    render(<ReportView report={report} {...idle} />);
    const overview = within(screen.getByRole('region', { name: 'Overview' }));
    expect(overview.getByText(/PickBot/)).toBeTruthy();
    expect(overview.getByText(/ShelfScan/)).toBeTruthy();
    expect(overview.queryByText('Sources disagree')).toBeNull();
  });

  it('marks partial sections with the reason and stale answers with a warning', () => {
    const report = companyReport({
      partial: [{ component: 'news', status: 'failed', reason: 'Tavily rate limit (429), retried 3 times' }],
      news: [],
      run: runSummary({ stale: true, partial: true }),
    });
    render(<ReportView report={report} {...idle} />);
    const news = within(screen.getByRole('region', { name: 'News' }));
    expect(news.getByText('Partial')).toBeTruthy();
    expect(news.getByText(/Incomplete: Tavily rate limit/)).toBeTruthy();
    expect(news.getByText('No recent news found in the sources.')).toBeTruthy();
    expect(screen.getByText(/expired cache/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Overview' })).queryByText('Partial')).toBeNull();
  });

  it('shows what changed since the previous lookup', () => {
    const report = companyReport({
      changes: {
        previousRunId: 5,
        previousAt: '2025-01-02T00:00:00.000Z',
        newExecutives: ['Dana Reyes, Chief Executive Officer'],
        newFunding: [],
        newNews: ['Acme raises $40M Series B'],
      },
    });
    render(<ReportView report={report} {...idle} />);
    const changes = within(screen.getByRole('region', { name: 'What changed' }));
    expect(changes.getByText(/since 2025-01-02/)).toBeTruthy();
    expect(changes.getByText('New decision maker: Dana Reyes, Chief Executive Officer')).toBeTruthy();
  });

  it('refreshes one section, and shows it busy while it runs', async () => {
    const onRefresh = vi.fn();
    const { rerender } = render(<ReportView report={companyReport()} onRefresh={onRefresh} refreshing={new Set()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Refresh Decision makers' }));
    expect(onRefresh).toHaveBeenCalledWith('executives');
    rerender(<ReportView report={companyReport()} onRefresh={onRefresh} refreshing={new Set(['executives'])} />);
    const section = screen.getByRole('region', { name: 'Decision makers' });
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect(
      (within(section).getByRole('button', { name: 'Refresh Decision makers' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('shows local research documents as titles without a link', () => {
    const local = 'file:///home/ada/research/acme.md';
    const report = companyReport({
      sources: [{ id: 1, url: local, title: 'acme.md', publishedDate: null, provider: 'library' }],
      overview: { ...companyReport().overview, industry: [{ value: 'Robotics', sources: [local] }] },
    });
    render(<ReportView report={report} {...idle} />);
    const sources = within(screen.getByRole('region', { name: 'Sources' }));
    expect(sources.getByText('acme.md')).toBeTruthy();
    expect(sources.queryByRole('link')).toBeNull();
  });
});

describe('Candidate picker and progress', () => {
  it('lets the analyst pick one of several companies', async () => {
    const onPick = vi.fn();
    render(
      <CandidatePicker
        query="Mercury"
        candidates={[
          { index: 1, name: 'Mercury Systems', domain: 'mrcy.com', description: 'Defense electronics.', sources: [] },
          {
            index: 2,
            name: 'Mercury Insurance',
            domain: 'mercuryinsurance.com',
            description: 'Auto insurance.',
            sources: [],
          },
        ]}
        onPick={onPick}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Mercury Insurance/ }));
    expect(onPick).toHaveBeenCalledWith(2);
  });

  it('reserves a row per component before events arrive and updates each in place', () => {
    const { rerender } = render(<ProgressList components={['identity', 'overview']} events={new Map()} />);
    const list = screen.getByRole('list', { name: 'Lookup progress' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getAllByText('pending')).toHaveLength(2);
    rerender(
      <ProgressList
        components={['identity', 'overview']}
        events={
          new Map([
            [
              'identity',
              { runId: 1, component: 'identity', status: 'completed', message: 'Acme Robotics (acme.example)' },
            ],
          ])
        }
      />,
    );
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText('completed')).toBeTruthy();
    expect(within(list).getByText('Acme Robotics (acme.example)')).toBeTruthy();
  });
});
