// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../src/core/ipc/contract';
import type { Draft } from '../../src/core/outreach/draft-schema';
import { DraftsScreen } from '../../src/renderer/screens/drafts/DraftsScreen';
import { crmError, installFakeCrm } from './support/fake-crm';
import { NavigationContext, type Destination } from '../../src/renderer/lib/navigation';

const fallback: Draft = {
  id: 4,
  leadId: 4,
  to: 'jane@acme.example',
  toName: 'Jane Doe',
  company: 'Acme',
  leadSource: null,
  subject: 'Acme and stock-outs',
  body: 'Hi Jane,\n\nWe help retailers cut stock-outs.\n\nAda',
  status: 'draft',
  generator: 'template',
  template: 'why-now',
  llmFallback: 'openai was still rate limited (429) after every retry',
  facts: [],
  lint: [],
  createdAt: '2025-03-14T09:00:00.000Z',
  updatedAt: '2025-03-14T09:00:00.000Z',
};

const PROVIDERS: Response<'drafts:llmProviders'> = [
  { id: 'openai', label: 'OpenAI-compatible', model: 'gpt-4o-mini', problem: null },
  {
    id: 'anthropic',
    label: 'Anthropic',
    model: 'claude-3-5-haiku-latest',
    problem: 'no API key: add one under Settings',
  },
];

function setup(drafts: Draft[], overrides: Parameters<typeof installFakeCrm>[0] = {}) {
  return installFakeCrm({
    'drafts:list': async () => ({ drafts, counts: { draft: drafts.length, approved: 0, rejected: 0, copied: 0 } }),
    'imports:list': async () => [
      {
        id: 7,
        fileName: 'leads.csv',
        fileSha256: 'ab',
        fileSize: 100,
        sheet: null,
        onDuplicate: 'skip',
        rowsTotal: 2,
        imported: 2,
        duplicates: 0,
        rejected: 0,
        warnings: 0,
        status: 'completed',
        startedAt: '2025-03-14T09:00:00.000Z',
        finishedAt: '2025-03-14T09:00:01.000Z',
        leads: 2,
      },
    ],
    'drafts:llmProviders': async () => PROVIDERS,
    'drafts:generate': async () => ({
      draftIds: [4, 5],
      drafted: 2,
      skipped: 0,
      llmFallbacks: 1,
      heldBack: [],
    }),
    'drafts:regenerate': async () => drafts,
    ...overrides,
  });
}

describe('drafting options on the Drafts screen', () => {
  it('drafts with the template by default, sending only the length', async () => {
    const fake = setup([]);
    render(<DraftsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Generate drafts for import #7' }));
    expect(fake.calls.find((c) => c.channel === 'drafts:generate')?.request).toEqual({ importId: 7, length: 'medium' });
    expect(screen.queryByLabelText('Tone')).toBeNull();
  });

  it('drafts with the provider, model, tone and length picked; a provider that is not ready cannot be picked', async () => {
    const fake = setup([]);
    render(<DraftsScreen />);
    const writer = (await screen.findByLabelText('Written by')) as HTMLSelectElement;
    await waitFor(() => expect(writer.options).toHaveLength(3));
    expect([...writer.options].map((o) => [o.textContent, o.disabled])).toEqual([
      ['Template (no LLM)', false],
      ['OpenAI-compatible · gpt-4o-mini', false],
      ['Anthropic (no API key: add one under Settings)', true],
    ]);
    await userEvent.selectOptions(writer, 'openai');
    expect((screen.getByLabelText('Model') as HTMLInputElement).placeholder).toBe('gpt-4o-mini');
    await userEvent.type(screen.getByLabelText('Model'), 'gpt-4.1');
    await userEvent.selectOptions(screen.getByLabelText('Tone'), 'formal');
    await userEvent.selectOptions(screen.getByLabelText('Length'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Generate drafts for import #7' }));
    expect(fake.calls.find((c) => c.channel === 'drafts:generate')?.request).toEqual({
      importId: 7,
      llm: true,
      provider: 'openai',
      model: 'gpt-4.1',
      tone: 'formal',
      length: 'short',
    });
    expect(
      await screen.findByText('2 drafted, 1 from the template instead of the LLM (each draft says why).'),
    ).toBeTruthy();
  });

  it('shows why a draft fell back to the template, and regenerates with the options picked', async () => {
    const fake = setup([fallback]);
    render(<DraftsScreen />);
    expect((await screen.findByRole('note')).textContent).toBe(
      'Written from the template instead of the LLM: openai was still rate limited (429) after every retry.',
    );
    await waitFor(() => expect((screen.getByLabelText('Written by') as HTMLSelectElement).options).toHaveLength(3));
    await userEvent.selectOptions(screen.getByLabelText('Written by'), 'openai');
    await userEvent.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(fake.calls.find((c) => c.channel === 'drafts:regenerate')?.request).toEqual({
      ids: [4],
      llm: true,
      provider: 'openai',
      tone: 'friendly',
      length: 'medium',
    });
  });

  it('stops with an empty sender profile and opens the sender settings in one click', async () => {
    setup([], {
      'drafts:generate': async () => {
        throw crmError('sender_profile_empty', 'The sender profile is empty, so drafts would be signed by no one.');
      },
    });
    const destinations: Destination[] = [];
    render(
      <NavigationContext.Provider value={(d) => destinations.push(d)}>
        <DraftsScreen />
      </NavigationContext.Provider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Generate drafts for import #7' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The sender profile is empty/);
    await userEvent.click(screen.getByRole('button', { name: 'Open sender settings' }));
    expect(destinations).toEqual([{ screen: 'settings' }]);
  });

  it('offers the sender settings only for an empty sender profile', async () => {
    setup([], {
      'drafts:generate': async () => {
        throw crmError('no_llm', 'No LLM is configured.');
      },
    });
    render(<DraftsScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Generate drafts for import #7' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No LLM is configured.');
    expect(screen.queryByRole('button', { name: 'Open sender settings' })).toBeNull();
  });
});
