// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Draft } from '../../src/core/outreach/draft-schema';
import { DraftReview, type DraftActions } from '../../src/renderer/screens/drafts/DraftReview';
import { draftAsHtml, draftAsText } from '../../src/renderer/lib/clipboard';
import { crmError } from './support/fake-crm';

function draft(id: number, overrides: Partial<Draft> = {}): Draft {
  return {
    id,
    leadId: id,
    to: `lead${id}@acme.example`,
    toName: `Lead ${id}`,
    company: 'Acme Robotics',
    leadSource: null,
    subject: 'Congrats on the Series B',
    body: 'Hi Dana,\n\nCongrats on the $40M Series B. Act now!\n\nAda',
    status: 'draft',
    generator: 'template',
    template: 'why-now',
    llmFallback: null,
    facts: [
      {
        id: 11,
        text: 'Acme raised a $40M Series B (2025-02-10)',
        sourceUrl: 'https://news.example/acme-series-b',
        trigger: 'funding',
      },
    ],
    lint: [
      { rule: 'spam_phrase', message: '"Act now" reads as spam', field: 'body', start: 41, end: 48, text: 'Act now' },
    ],
    createdAt: '2025-03-14T09:00:00.000Z',
    updatedAt: '2025-03-14T09:00:00.000Z',
    ...overrides,
  };
}

function actions(): { [K in keyof DraftActions]: ReturnType<typeof vi.fn> } & DraftActions {
  return {
    save: vi.fn(async () => {}),
    setStatus: vi.fn(async () => {}),
    regenerate: vi.fn(async () => {}),
    copy: vi.fn(async () => {}),
    approveAll: vi.fn(async () => {}),
    sources: vi.fn(async () => [
      { url: 'https://news.example/acme-series-b', title: 'Acme raises $40M', publishedDate: '2025-02-10' },
    ]),
  } as never;
}

describe('Draft review', () => {
  it('marks the draft of a sample lead "Sample" in the queue and above the draft, by the lead\'s stored source', async () => {
    render(
      <DraftReview
        drafts={[draft(1, { leadSource: 'Sample data' }), draft(2, { leadSource: 'Referral' })]}
        filter="all"
        onFilter={() => {}}
        actions={actions()}
        onExport={() => {}}
      />,
    );
    const queue = within(screen.getByRole('list', { name: 'Drafts' }));
    expect(queue.getAllByRole('button').map((b) => b.querySelector('.queue-name')!.textContent)).toEqual([
      'Lead 1Sample',
      'Lead 2',
    ]);
    const heading = () => within(screen.getByRole('region', { name: 'Draft' })).getByRole('heading', { level: 2 });
    expect(heading().textContent).toBe('To Lead 1 <lead1@acme.example>Sample');
    await userEvent.click(queue.getByRole('button', { name: /Lead 2/ }));
    expect(heading().textContent).toBe('To Lead 2 <lead2@acme.example>');
  });

  it('says what to do when there are no drafts', () => {
    render(<DraftReview drafts={[]} filter="all" onFilter={() => {}} actions={actions()} onExport={() => {}} />);
    expect(screen.getByText('No drafts yet')).toBeTruthy();
    expect(screen.getByText(/generate drafts from the Leads screen/)).toBeTruthy();
  });

  it('shows the draft beside its facts with each source (title, date, link) and its lint warnings with the span marked', async () => {
    const a = actions();
    render(<DraftReview drafts={[draft(1)]} filter="all" onFilter={() => {}} actions={a} onExport={() => {}} />);
    const facts = within(screen.getByRole('complementary', { name: 'Facts used' }));
    expect(facts.getByText(/Acme raised a \$40M Series B/)).toBeTruthy();
    expect(facts.getByText('Reading the source…')).toBeTruthy();
    expect((await facts.findByRole('link', { name: 'Acme raises $40M' })).getAttribute('href')).toBe(
      'https://news.example/acme-series-b',
    );
    expect(facts.getByText('· 2025-02-10')).toBeTruthy();
    expect(a.sources).toHaveBeenCalledWith(1);
  });

  it('still links each fact to its source when the sources cannot be read', async () => {
    const a = actions();
    a.sources.mockRejectedValue(crmError('internal', 'Something went wrong in the app.'));
    render(<DraftReview drafts={[draft(1)]} filter="all" onFilter={() => {}} actions={a} onExport={() => {}} />);
    const facts = within(screen.getByRole('complementary', { name: 'Facts used' }));
    expect((await facts.findByRole('link', { name: 'https://news.example/acme-series-b' })).getAttribute('href')).toBe(
      'https://news.example/acme-series-b',
    );
    const lint = within(screen.getByRole('group', { name: 'Lint warnings' }));
    expect(lint.getByText('spam phrase')).toBeTruthy();
    const mark = document.querySelector('mark.lint-mark');
    expect(mark?.textContent).toBe('Act now');
    expect(mark?.getAttribute('title')).toBe('"Act now" reads as spam');
  });

  it('saves an edit, and holds approve and copy until the edit is saved', async () => {
    const a = actions();
    render(<DraftReview drafts={[draft(1)]} filter="all" onFilter={() => {}} actions={a} onExport={() => {}} />);
    const body = screen.getByLabelText('Body');
    await userEvent.clear(body);
    await userEvent.type(body, 'Hi Dana, short and true.');
    expect((screen.getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Save edit' }));
    expect(a.save).toHaveBeenCalledWith(1, { subject: 'Congrats on the Series B', body: 'Hi Dana, short and true.' });
    expect(await screen.findByText('Edit saved.')).toBeTruthy();
  });

  it('moves with j/k and approves and copies with a/c, but not while typing', async () => {
    const a = actions();
    render(
      <DraftReview drafts={[draft(1), draft(2)]} filter="all" onFilter={() => {}} actions={a} onExport={() => {}} />,
    );
    await userEvent.keyboard('j');
    expect(screen.getByRole('region', { name: 'Draft' }).textContent).toContain('Lead 2');
    await userEvent.keyboard('a');
    expect(a.setStatus).toHaveBeenCalledWith(2, 'approved');
    await userEvent.keyboard('k');
    await userEvent.keyboard('c');
    expect(a.copy).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }));
    await userEvent.click(screen.getByLabelText('Subject'));
    await userEvent.keyboard('a');
    expect(a.setStatus).toHaveBeenCalledTimes(1);
  });

  it('bulk-approves only the drafts still awaiting review, and shows a failed action as an alert', async () => {
    const a = actions();
    a.regenerate.mockRejectedValue(crmError('no_facts', 'Acme Robotics has no report yet: look it up first.'));
    render(
      <DraftReview
        drafts={[draft(1), draft(2, { status: 'approved' }), draft(3)]}
        filter="all"
        onFilter={() => {}}
        actions={a}
        onExport={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve all shown (2)' }));
    expect(a.approveAll).toHaveBeenCalledWith([1, 3]);
    await userEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Acme Robotics has no report yet: look it up first.');
  });

  it('filters by status through the caller', async () => {
    const onFilter = vi.fn();
    render(<DraftReview drafts={[]} filter="approved" onFilter={onFilter} actions={actions()} onExport={() => {}} />);
    expect(screen.getByText('No approved drafts')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'rejected');
    expect(onFilter).toHaveBeenCalledWith('rejected');
  });
});

describe('Clipboard flavours', () => {
  it('gives text with a subject line and escaped HTML paragraphs', () => {
    const d = { subject: 'Q3 <plans>', body: 'Hi Dana,\n\nLine one\nline two' };
    expect(draftAsText(d)).toBe('Subject: Q3 <plans>\n\nHi Dana,\n\nLine one\nline two');
    expect(draftAsHtml(d)).toBe(
      '<p><strong>Subject:</strong> Q3 &lt;plans&gt;</p><p>Hi Dana,</p><p>Line one<br>line two</p>',
    );
  });
});
