// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../src/core/ipc/contract';
import { defaultSettings } from '../../src/core/settings/schema';
import { LibraryScreen } from '../../src/renderer/screens/library/LibraryScreen';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

type Hit = Response<'intel:librarySearch'>[number];
type Summary = Response<'intel:libraryIndex'>;

const HITS: Hit[] = [
  {
    path: '/research/deck.pdf',
    page: 2,
    url: 'file:///research/deck.pdf#page=2',
    title: 'Quarterly deck',
    content: 'Lumora Analytics pilot pricing',
    passage: [
      { text: 'Lumora', match: true },
      { text: ' Analytics ', match: false },
      { text: 'pilot', match: true },
      { text: ' pricing', match: false },
    ],
    publishedDate: '2025-02-03',
    score: 0.5,
  },
  {
    path: '/research/hostile.html',
    page: null,
    url: 'file:///research/hostile.html',
    title: 'Lumora rumours',
    content: 'Lumora <img src=x onerror=alert(1)> pilot',
    passage: [
      { text: 'Lumora', match: true },
      { text: ' <img src=x onerror=alert(1)> ', match: false },
      { text: 'pilot', match: true },
    ],
    publishedDate: null,
    score: 0.4,
  },
];

function setup(folder: string, index: Promise<Summary>, overrides: Parameters<typeof installFakeCrm>[0] = {}) {
  let stored = folder;
  return installFakeCrm({
    'settings:get': async () => ({ ...defaultSettings(), researchFolder: stored }),
    'settings:update': async (patch) => {
      stored = patch.researchFolder as string;
      return { ...defaultSettings(), researchFolder: stored };
    },
    'system:pickFile': async () => ({ file: { token: `folder-${'a'.repeat(32)}`, path: '/research' } }),
    'intel:libraryIndex': () => index,
    'intel:libraryCancel': async () => ({ cancelled: true }),
    'intel:librarySearch': async () => HITS,
    'intel:libraryOpen': async ({ path, page }) => ({ path, page: page ?? null }),
    ...overrides,
  });
}

describe('research library screen', () => {
  it('chooses the folder in the dialog and stores its token, then offers indexing', async () => {
    const fake = setup('', new Promise(() => {}));
    render(<LibraryScreen />);
    expect(await screen.findByText(/Choose the folder that holds/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Index folder' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(await screen.findByRole('button', { name: 'Index folder' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'settings:update')?.request).toEqual({
      researchFolder: `folder-${'a'.repeat(32)}`,
    });
    expect((screen.getByRole('textbox', { name: 'Research folder' }) as HTMLInputElement).value).toBe('/research');
  });

  it('indexes with progress, cancels, and says what was kept', async () => {
    const run = deferred<Summary>();
    const fake = setup('/research', run.promise);
    render(<LibraryScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Index folder' }));
    const indexId = (fake.calls.find((c) => c.channel === 'intel:libraryIndex')!.request as { indexId: string })
      .indexId;
    act(() => fake.emit('intel:libraryProgress', { indexId: 'someone-else', done: 9, total: 9 }));
    act(() => fake.emit('intel:libraryProgress', { indexId, done: 2, total: 5 }));
    expect(screen.getByText('Read 2 of 5 new or changed documents…')).toBeTruthy();
    expect((screen.getByLabelText('Indexing progress') as HTMLProgressElement).value).toBe(2);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel indexing' }));
    expect(fake.calls.find((c) => c.channel === 'intel:libraryCancel')?.request).toEqual({ indexId });
    await act(async () => run.reject(crmError('cancelled', 'Cancelled.')));
    expect(await screen.findByText(/Indexing cancelled: the documents read so far are searchable/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Index folder' })).toBeTruthy();
  });

  it('lists what an index run changed and the documents it could not read', async () => {
    setup(
      '/research',
      Promise.resolve({
        folder: '/research',
        added: 2,
        updated: 1,
        removed: 0,
        unchanged: 4,
        warnings: [{ path: '/research/locked.pdf', message: 'not indexed: it is encrypted' }],
      }),
    );
    render(<LibraryScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Index folder' }));
    expect(
      await screen.findByText('Indexed: 2 added, 1 updated, 0 removed, 4 unchanged; 1 not indexed (below).'),
    ).toBeTruthy();
    const warnings = screen.getByRole('list', { name: 'Documents not indexed' });
    expect(within(warnings).getByText('/research/locked.pdf')).toBeTruthy();
    expect(within(warnings).getByText('not indexed: it is encrypted')).toBeTruthy();
  });

  it('marks only the matched words, shows document text as text, and opens a hit at its page', async () => {
    const fake = setup('/research', new Promise(() => {}));
    const { container } = render(<LibraryScreen />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Search the library' }), 'Lumora pilot');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    const hits = await screen.findByRole('list', { name: 'Library hits' });
    expect([...hits.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Lumora',
      'pilot',
      'Lumora',
      'pilot',
    ]);
    expect(container.querySelector('img')).toBeNull();
    expect(within(hits).getByText(/<img src=x onerror=alert\(1\)>/)).toBeTruthy();
    expect(within(hits).getByText(/deck\.pdf · page 2 · 2025-02-03/)).toBeTruthy();
    await userEvent.click(within(hits).getByRole('button', { name: 'Open at page 2' }));
    expect(fake.calls.find((c) => c.channel === 'intel:libraryOpen')?.request).toEqual({
      path: '/research/deck.pdf',
      page: 2,
    });
    await waitFor(() => expect(screen.getByText('Opened /research/deck.pdf at page 2.')).toBeTruthy());
  });

  it('shows why a document could not be opened', async () => {
    setup('/research', new Promise(() => {}), {
      'intel:libraryOpen': async () => {
        throw crmError('not_in_library', 'Only documents indexed from the research folder can be opened from here.');
      },
    });
    render(<LibraryScreen />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Search the library' }), 'Lumora');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await userEvent.click((await screen.findAllByRole('button', { name: 'Open' }))[0]!);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Only documents indexed/);
  });
});
