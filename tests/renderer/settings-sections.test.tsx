// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Response } from '../../src/core/ipc/contract';
import type { StoredTemplate } from '../../src/core/outreach/compose/template-store';
import { Templates } from '../../src/renderer/screens/settings/Templates';
import { ApiKeys } from '../../src/renderer/screens/settings/ApiKeys';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

const builtin: StoredTemplate = {
  id: 1,
  name: 'why-now',
  description: 'Leads with the latest trigger event',
  subject: 'Congrats on {{whyNow}}',
  body: 'Hi {{firstName}},',
  builtin: true,
  updatedAt: '2025-03-14T09:00:00.000Z',
};

/** A template list held in memory; saving refuses an unknown placeholder as the template store does. */
function templateHandlers() {
  const stored: StoredTemplate[] = [builtin];
  const refuseUnknown = (body: string) => {
    const unknown = body.match(/\{\{\s*(\w+)\s*\}\}/g)?.find((p) => !/firstName|company|whyNow/.test(p));
    if (unknown) throw crmError('invalid_template', `Unknown placeholder ${unknown}.`);
  };
  return {
    stored,
    handlers: {
      'templates:list': async () => [...stored],
      'templates:create': async (input: Omit<StoredTemplate, 'id' | 'builtin' | 'updatedAt'>) => {
        refuseUnknown(input.body);
        const created = { ...input, id: stored.length + 1, builtin: false, updatedAt: '2025-03-15T09:00:00.000Z' };
        stored.push(created);
        return created;
      },
      'templates:delete': async ({ name }: { name: string }) => {
        stored.splice(
          stored.findIndex((t) => t.name === name),
          1,
        );
        return { deleted: true as const };
      },
    },
  };
}

describe('Settings: templates', () => {
  it('lists built-ins, refuses an unknown placeholder keeping the edit, saves a new template and deletes it', async () => {
    const { handlers, stored } = templateHandlers();
    installFakeCrm(handlers as never);
    render(<Templates />);
    const list = await screen.findByRole('list', { name: 'Templates' });
    expect(within(list).getByText('why-now')).toBeTruthy();
    expect(within(list).getByText('built-in')).toBeTruthy();
    expect(screen.getByText('Choose a template to edit it, or start a new one.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'New template' }));
    const editor = screen.getByRole('form', { name: 'Template editor' });
    await userEvent.type(within(editor).getByLabelText('Template name'), 'short');
    await userEvent.type(within(editor).getByLabelText('Subject template'), 'Hello');
    await userEvent.type(within(editor).getByLabelText('Body template'), 'Hi {{{{firstName}}, about {{{{budget}}');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Unknown placeholder {{budget}}.');
    expect((within(editor).getByLabelText('Body template') as HTMLTextAreaElement).value).toBe(
      'Hi {{firstName}}, about {{budget}}',
    );

    const body = within(editor).getByLabelText('Body template');
    await userEvent.clear(body);
    await userEvent.type(body, 'Hi {{{{firstName}}');
    await userEvent.click(within(editor).getByRole('button', { name: 'Save template' }));
    expect((await screen.findByText('Template “short” saved.')).getAttribute('role')).toBe('status');
    expect(await within(list).findByText('short')).toBeTruthy();
    expect(stored.map((t) => t.name)).toEqual(['why-now', 'short']);

    await userEvent.click(within(editor).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Template “short” deleted.')).toBeTruthy();
    expect(stored.map((t) => t.name)).toEqual(['why-now']);
    expect(screen.queryByRole('form', { name: 'Template editor' })).toBeNull();
  });

  it('holds the place with a skeleton while loading and offers a retry when the list fails', async () => {
    const list = deferred<StoredTemplate[]>();
    installFakeCrm({ 'templates:list': () => list.promise });
    render(<Templates />);
    expect(screen.getByLabelText('Loading templates')).toBeTruthy();
    await act(async () => list.reject(crmError('internal', 'Templates could not be read.')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Templates could not be read.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

type KeyStatus = Response<'keys:status'>;
const tavilySet: KeyStatus = {
  tavily: true,
  openai: false,
  anthropic: false,
  groq: false,
  slack: false,
  webhook: false,
};

type Destinations = Response<'keys:destinations'>;
const defaultDestinations: Destinations = {
  tavily: { baseUrl: 'https://api.tavily.com', confirmed: true },
  openai: { baseUrl: 'https://api.openai.com/v1', confirmed: true },
  anthropic: { baseUrl: 'https://api.anthropic.com', confirmed: true },
  groq: { baseUrl: 'https://api.groq.com/openai/v1', confirmed: true },
};

function keys(
  status: KeyStatus = tavilySet,
  destinations: Destinations = defaultDestinations,
  setDestinations = vi.fn(),
) {
  return (
    <ApiKeys
      status={{ state: 'ready', data: status, reload: () => {}, set: vi.fn() }}
      destinations={{ state: 'ready', data: destinations, reload: () => {}, set: setDestinations }}
    />
  );
}

describe('Settings: a changed base URL', () => {
  it('asks the analyst to confirm it before the stored key goes there, and records the confirmation', async () => {
    const local = 'http://127.0.0.1:8080';
    const changed = { ...defaultDestinations, tavily: { baseUrl: local, confirmed: false } };
    const confirmed = { ...changed, tavily: { baseUrl: local, confirmed: true } };
    const fake = installFakeCrm({ 'keys:confirmBaseUrl': async () => confirmed });
    const setDestinations = vi.fn();
    render(keys(tavilySet, changed, setDestinations));
    const notice = screen.getByRole('note');
    expect(notice.textContent).toContain(
      `The Tavily base URL is now ${local}. The stored key is not sent there until you confirm this address.`,
    );
    await userEvent.click(within(notice).getByRole('button', { name: 'Confirm base URL' }));
    expect(fake.calls).toEqual([{ channel: 'keys:confirmBaseUrl', request: { provider: 'tavily', baseUrl: local } }]);
    await waitFor(() => expect(setDestinations).toHaveBeenCalledWith(confirmed));
  });

  it('asks nothing for a provider without a stored key', () => {
    installFakeCrm({});
    render(
      keys(
        { ...tavilySet, tavily: false },
        { ...defaultDestinations, tavily: { baseUrl: 'http://127.0.0.1:8080', confirmed: false } },
      ),
    );
    expect(screen.queryByRole('button', { name: 'Confirm base URL' })).toBeNull();
  });
});

describe('Settings: test connection', () => {
  it('is offered only for a key that is set, says it is testing, then that the key works', async () => {
    const result = deferred<Response<'keys:test'>>();
    const fake = installFakeCrm({ 'keys:test': () => result.promise });
    render(keys());
    expect(screen.getAllByRole('button', { name: 'Test connection' })).toHaveLength(1);
    const button = screen.getByRole('button', { name: 'Test connection' });
    await userEvent.click(button);
    expect(fake.calls.at(-1)).toEqual({ channel: 'keys:test', request: { provider: 'tavily' } });
    const row = button.closest('li')!;
    expect(within(row).getByRole('status').textContent).toBe('Testing Tavily…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await act(async () => result.resolve({ ok: true, message: 'Search answered in 210 ms.' }));
    expect(within(row).getByRole('status').textContent).toBe('Tavily works. Search answered in 210 ms.');
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a refused key as an alert with the provider’s reason', async () => {
    installFakeCrm({
      'keys:test': async () => ({
        ok: false,
        kind: 'auth',
        message: 'Tavily refused the key (401). Check it in your Tavily dashboard.',
      }),
    });
    render(keys());
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Tavily refused the key (401). Check it in your Tavily dashboard.',
    );
  });

  it('shows a failed call (no keychain, app error) as an alert', async () => {
    installFakeCrm({
      'keys:test': async () => Promise.reject(crmError('keychain_unavailable', 'The system keychain is locked.')),
    });
    render(keys());
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The system keychain is locked.');
  });
});
