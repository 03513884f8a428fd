import { beforeEach, describe, expect, it, vi } from 'vitest';

// The system's viewer is the outer edge of the machine: Electron's shell, played here.
const shell = vi.hoisted(() => ({ openExternal: vi.fn(), openPath: vi.fn() }));
vi.mock('electron', () => ({ shell }));

const { openDocumentWithShell } = await import('../../src/main/open-document');

const deck = { path: '/research/deck.pdf', page: 2, url: 'file:///research/deck.pdf#page=2' };
const notes = { path: '/research/notes.md', page: null, url: 'file:///research/notes.md' };

beforeEach(() => {
  shell.openExternal.mockReset().mockResolvedValue(undefined);
  shell.openPath.mockReset().mockResolvedValue('');
});

describe('opening a library document in main', () => {
  it('hands a PDF page to the viewer as a URL with its page', async () => {
    await openDocumentWithShell(deck);
    expect(shell.openExternal.mock.calls).toEqual([['file:///research/deck.pdf#page=2']]);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('opens the file itself when the system refuses the URL, and any document without a page', async () => {
    shell.openExternal.mockRejectedValue(new Error('no handler'));
    await openDocumentWithShell(deck);
    await openDocumentWithShell(notes);
    expect(shell.openPath.mock.calls).toEqual([['/research/deck.pdf'], ['/research/notes.md']]);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it("says the system's reason when it cannot open the file", async () => {
    shell.openPath.mockResolvedValue('No application knows how to open this file');
    await expect(openDocumentWithShell(notes)).rejects.toMatchObject({
      code: 'open_failed',
      message: 'The system could not open /research/notes.md: No application knows how to open this file',
    });
  });
});
