// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompanyReport } from '../../src/core/intel/domain';
import { LookupScreen } from '../../src/renderer/screens/lookup/LookupScreen';
import { RunsScreen } from '../../src/renderer/screens/runs/RunsScreen';
import { DraftsScreen } from '../../src/renderer/screens/drafts/DraftsScreen';
import { LeadsScreen } from '../../src/renderer/screens/leads/LeadsScreen';
import { LeadDetail } from '../../src/renderer/screens/leads/LeadDetail';
import { companyReport, runSummary } from './fixtures';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

const noKeys = { tavily: false, openai: false, anthropic: false, groq: false, slack: false, webhook: false };
const tavilyKey = { ...noKeys, tavily: true };

describe('Lookup screen', () => {
  it('says what to do first, and what works offline when no key is set', async () => {
    installFakeCrm({
      'intel:recentCompanies': async () => [],
      'keys:status': async () => noKeys,
      'intel:report': async () => null,
    });
    render(<LookupScreen />);
    expect(screen.getByText('Look up a company')).toBeTruthy();
    expect(await screen.findByText(/No API key is set/)).toBeTruthy();
    expect(await screen.findByText('None yet: your lookups appear here.')).toBeTruthy();
  });

  it('shows one progress row per component while the lookup runs, updated by intel:progress, then the report', async () => {
    const answer = deferred<CompanyReport>();
    const fake = installFakeCrm({
      'intel:recentCompanies': async () => [],
      'keys:status': async () => tavilyKey,
      'intel:lookup': () => answer.promise,
    });
    render(<LookupScreen />);
    await userEvent.type(screen.getByLabelText('Company name or domain'), 'Acme Robotics');
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    const progress = screen.getByRole('list', { name: 'Lookup progress' });
    expect(within(progress).getAllByText('pending')).toHaveLength(5);
    const { lookupId } = fake.calls.find((c) => c.channel === 'intel:lookup')!.request as { lookupId: string };
    fake.emit('intel:progress', {
      lookupId,
      runId: 7,
      component: 'identity',
      status: 'completed',
      message: 'Acme Robotics (acme.example)',
    });
    fake.emit('intel:progress', {
      lookupId: 'someone-else',
      runId: 8,
      component: 'overview',
      status: 'failed',
      message: 'not mine',
    });
    expect(await within(progress).findByText('Acme Robotics (acme.example)')).toBeTruthy();
    expect(within(progress).getAllByRole('listitem')).toHaveLength(5);
    expect(within(progress).queryByText('not mine')).toBeNull();
    answer.resolve(companyReport());
    expect(await screen.findByRole('heading', { name: 'Acme Robotics', level: 2 })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Overview' }).textContent).toContain('Builds warehouse picking robots.');
  });

  it('marks a partial report and shows a failed lookup as an alert', async () => {
    let fail = false;
    installFakeCrm({
      'intel:recentCompanies': async () => [],
      'keys:status': async () => tavilyKey,
      'intel:lookup': async () => {
        if (fail) throw crmError('internal', 'Something went wrong in the app. The details are in the log.');
        return companyReport({
          partial: [{ component: 'funding', status: 'failed', reason: 'Tavily answered 432: plan limit reached.' }],
        });
      },
    });
    render(<LookupScreen />);
    await userEvent.type(screen.getByLabelText('Company name or domain'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    const funding = await screen.findByRole('region', { name: 'Funding and investments' });
    expect(within(funding).getByText('Partial')).toBeTruthy();
    expect(within(funding).getByText(/plan limit reached/)).toBeTruthy();
    fail = true;
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Something went wrong/);
  });

  it('opens a recent company from its stored report without a new lookup', async () => {
    const fake = installFakeCrm({
      'intel:recentCompanies': async () => [
        {
          companyId: 3,
          name: 'Acme Robotics',
          domain: 'acme.example',
          lastRunId: 7,
          lastLookupAt: '2025-03-14T09:00:04.000Z',
        },
      ],
      'keys:status': async () => tavilyKey,
      'intel:report': async () => companyReport(),
    });
    render(<LookupScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Acme Robotics' }));
    expect(await screen.findByRole('region', { name: 'Overview' })).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'intel:lookup')).toHaveLength(0);
    expect(fake.calls.find((c) => c.channel === 'intel:report')!.request).toEqual({ runId: 7 });
  });
});

describe('Runs screen', () => {
  it('holds the space while loading, then lists runs and retries a failed step', async () => {
    const runs = deferred<ReturnType<typeof runSummary>[]>();
    const failed = runSummary({
      status: 'partial',
      steps: [
        {
          id: 3,
          component: 'news',
          status: 'failed',
          providerCalls: 1,
          cacheHits: 0,
          credits: 1,
          durationMs: 90,
          error: { kind: 'server', message: 'Tavily answered 503.' },
          skippedReason: null,
        },
      ],
    });
    const fake = installFakeCrm({
      'intel:runs': () => runs.promise,
      'plans:list': async () => [],
      'plans:runs': async () => [],
      'imports:list': async () => [],
      'intel:rerunStep': async () => companyReport(),
    });
    render(<RunsScreen />);
    expect(screen.getByRole('status', { name: 'Loading runs' })).toBeTruthy();
    runs.resolve([failed]);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry news' }));
    expect(fake.calls.find((c) => c.channel === 'intel:rerunStep')!.request).toEqual({ runId: 7, component: 'news' });
    expect(screen.getByText('No imports yet: import leads from the Leads screen.')).toBeTruthy();
  });

  it('shows an error with a retry when runs cannot be read', async () => {
    installFakeCrm({
      'intel:runs': async () => Promise.reject(crmError('internal', 'The database is locked.')),
      'plans:list': async () => [],
      'plans:runs': async () => [],
      'imports:list': async () => [],
    });
    render(<RunsScreen />);
    expect((await screen.findByRole('alert')).textContent).toContain('The database is locked.');
  });
});

describe('Drafts screen', () => {
  it('shows the empty queue with what to do', async () => {
    installFakeCrm({
      'drafts:list': async () => ({ drafts: [], counts: { draft: 0, approved: 0, rejected: 0, copied: 0 } }),
      'imports:list': async () => [],
    });
    render(<DraftsScreen />);
    expect(await screen.findByText('No drafts yet')).toBeTruthy();
  });

  it('shows a failed load as an alert', async () => {
    installFakeCrm({
      'drafts:list': async () => Promise.reject(crmError('internal', 'Drafts could not be read.')),
      'imports:list': async () => [],
    });
    render(<DraftsScreen />);
    expect((await screen.findByRole('alert')).textContent).toContain('Drafts could not be read.');
  });
});

/** A lead as `leads:get` returns it, for the lead detail's activity tests. */
const leadRow = {
  id: 7,
  contactId: 7,
  importId: 1,
  companyId: null,
  firstName: 'Jane',
  lastName: 'Okafor',
  fullName: 'Jane Okafor',
  email: 'jane@lumora.io',
  phone: null,
  company: 'Lumora',
  title: 'CEO',
  city: null,
  state: null,
  country: null,
  website: null,
  linkedinUrl: null,
  status: null,
  source: null,
  notes: null,
  owner: null,
  tags: null,
  score: null,
  createdAt: '2025-01-01T00:00:00Z',
};

describe('Lead detail', () => {
  it("says in the lead's activity why a draft came from the template although the LLM was asked", async () => {
    installFakeCrm({
      'leads:get': async () => ({
        lead: { ...leadRow, rowNumber: 2, phoneRaw: null, domain: null },
        customFields: [],
        activities: [
          {
            id: 1,
            kind: 'drafted',
            detail: {
              draftId: 3,
              generator: 'template',
              llmFallback: 'openai was still rate limited (429) after every retry',
            },
            createdAt: '2025-01-02T00:00:00Z',
          },
          {
            id: 2,
            kind: 'draft_regenerated',
            detail: { draftId: 3, generator: 'llm' },
            createdAt: '2025-01-03T00:00:00Z',
          },
        ],
        company: null,
        import: null,
        otherLeadIds: [],
      }),
      'drafts:list': async () => ({ drafts: [], counts: { draft: 0, approved: 0, rejected: 0, copied: 0 } }),
    });
    render(<LeadDetail leadId={7} onClose={() => undefined} />);
    const items = await screen.findAllByRole('listitem');
    const activity = items
      .filter((item) => /Drafted|Draft regenerated/.test(item.textContent ?? ''))
      .map((item) => item.textContent);
    expect(activity).toHaveLength(2);
    expect(activity[0]).toContain('from the template: openai was still rate limited (429) after every retry');
    expect(activity[1]).not.toContain('from the template');
  });

  it("says in the lead's activity why drafting held it back", async () => {
    const reason =
      'Lumora has no usable fact yet (look the company up first), and the lead has no title: a draft would say nothing about this person.';
    installFakeCrm({
      'leads:get': async () => ({
        lead: { ...leadRow, title: null, rowNumber: 2, phoneRaw: null, domain: null },
        customFields: [],
        activities: [{ id: 1, kind: 'draft_held_back', detail: { reason }, createdAt: '2025-01-02T00:00:00Z' }],
        company: null,
        import: null,
        otherLeadIds: [],
      }),
      'drafts:list': async () => ({ drafts: [], counts: { draft: 0, approved: 0, rejected: 0, copied: 0 } }),
    });
    render(<LeadDetail leadId={7} onClose={() => undefined} />);
    const item = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes('Draft held back'));
    expect(item?.textContent).toContain(`Draft held back: ${reason}`);
    expect(screen.getByText('No draft: drafting held this lead back (the reason is under Activity).')).toBeTruthy();
  });
});

describe('Leads screen', () => {
  it('offers the import when there are no leads', async () => {
    installFakeCrm({
      'imports:list': async () => [],
      'system:status': async () => ({ counts: { leads: 0, companies: 0, drafts: 0, cacheEntries: 0 } }) as never,
      'leads:list': async () => ({ total: 0, rows: [] }),
    });
    render(<LeadsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Import a CSV or Excel file' }));
    expect(screen.getByRole('heading', { name: 'Import leads', level: 1 })).toBeTruthy();
  });

  it('sends the search to SQLite (leads:list, then leads:count for a full first page) instead of filtering loaded rows', async () => {
    const lead = (id: number) => ({
      ...leadRow,
      id,
      contactId: id,
      lastName: `Okafor ${id}`,
      fullName: `Jane Okafor ${id}`,
      city: 'Austin',
      country: 'US',
    });
    const fake = installFakeCrm({
      'imports:list': async () => [],
      'system:status': async () => ({ counts: { leads: 1, companies: 0, drafts: 0, cacheEntries: 0 } }) as never,
      'leads:list': async (request) => ({
        total: null,
        rows: (request as { filter: { search?: string } }).filter.search
          ? Array.from({ length: 50 }, (_, i) => lead(i + 1))
          : [lead(1)],
      }),
      'leads:count': async () => ({ total: 1234 }),
    });
    render(<LeadsScreen />);
    expect(await screen.findByText('1 lead')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Search leads'), ' okafor ');
    expect(await screen.findByText('1,234 leads')).toBeTruthy();
    const searches = (channel: string) =>
      fake.calls
        .filter((c) => c.channel === channel)
        .map((c) => (c.request as { filter: { search?: string } }).filter.search);
    expect(searches('leads:list').at(-1)).toBe('okafor');
    expect(searches('leads:count').at(-1)).toBe('okafor');
    expect(
      fake.calls
        .filter((c) => c.channel === 'leads:list')
        .every((c) => (c.request as { withTotal: boolean }).withTotal === false),
    ).toBe(true);
  });
});
