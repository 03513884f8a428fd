// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../src/core/providers/registry';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import { SettingsService } from '../../src/core/settings/settings-service';
import { SettingsScreen } from '../../src/renderer/screens/settings/SettingsScreen';
import { crmError, deferred, installFakeCrm } from './support/fake-crm';

const noKeys = { tavily: false, openai: false, anthropic: false, groq: false, slack: false, webhook: false };

/** Settings answered by the real SettingsService over an in-memory backend, so validation is the app's. */
function settingsHandlers(initial: Settings = defaultSettings()) {
  const backend = { path: '/tmp/config.json', store: initial as unknown as Record<string, unknown> };
  const service = new SettingsService(backend);
  return {
    backend,
    'templates:list': async () => [],
    'workflows:list': async () => ({ workflows: [], components: [] }),
    'settings:get': async () => service.read(),
    'settings:update': async (patch: Record<string, unknown>) => {
      try {
        return service.update(patch as never);
      } catch (error) {
        throw crmError('invalid_settings', (error as Error).message);
      }
    },
  };
}

describe('Settings screen', () => {
  it('shows skeletons while loading', () => {
    installFakeCrm({
      'settings:get': () => deferred<Settings>().promise,
      'keys:status': () => deferred<typeof noKeys>().promise,
    });
    render(<SettingsScreen />);
    expect(screen.getByRole('status', { name: 'Loading settings' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Loading key status' })).toBeTruthy();
  });

  it('explains what works offline when no key is set, and shows every key as not set', async () => {
    installFakeCrm({ ...settingsHandlers(), 'keys:status': async () => noKeys });
    render(<SettingsScreen />);
    expect(await screen.findByText(/No API key is set/)).toBeTruthy();
    expect(screen.getAllByText('Not set')).toHaveLength(PROVIDERS.length);
  });

  it('saves the sender profile and shows it saved', async () => {
    const handlers = settingsHandlers();
    const fake = installFakeCrm({ ...handlers, 'keys:status': async () => noKeys });
    render(<SettingsScreen />);
    const section = within(await screen.findByRole('region', { name: 'Sender profile' }));
    const save = section.getByRole('button', { name: 'Save sender profile' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(section.getByLabelText('Name'), 'Ada Analyst');
    expect(section.getByText('Unsaved changes')).toBeTruthy();
    await userEvent.click(save);
    expect(await section.findByText('Saved.')).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'settings:update')?.request).toMatchObject({
      sender: { name: 'Ada Analyst' },
    });
    expect((handlers.backend.store as unknown as Settings).sender.name).toBe('Ada Analyst');
  });

  it('keeps scheduled plans running in the tray when the analyst chooses, and refuses a log kept zero days', async () => {
    const handlers = settingsHandlers();
    installFakeCrm({ ...handlers, 'keys:status': async () => noKeys });
    render(<SettingsScreen />);
    const section = within(await screen.findByRole('region', { name: 'Schedules' }));
    const tray = section.getByLabelText('Keep running in the tray when the window is closed') as HTMLInputElement;
    expect(tray.checked).toBe(false);
    await userEvent.click(tray);
    const days = section.getByLabelText('Keep plan runs for (days)');
    await userEvent.clear(days);
    await userEvent.type(days, '0');
    await userEvent.click(section.getByRole('button', { name: 'Save schedules' }));
    expect((await section.findByRole('alert')).textContent).toMatch(/schedule\.keepRunDays/);
    expect((handlers.backend.store as unknown as Settings).schedule.runInTray).toBe(false);
    await userEvent.clear(days);
    await userEvent.type(days, '30');
    await userEvent.click(section.getByRole('button', { name: 'Save schedules' }));
    expect(await section.findByText('Saved.')).toBeTruthy();
    expect((handlers.backend.store as unknown as Settings).schedule).toEqual({ keepRunDays: 30, runInTray: true });
  });

  it('shows the validation error naming the field and keeps the edit', async () => {
    installFakeCrm({ ...settingsHandlers(), 'keys:status': async () => noKeys });
    render(<SettingsScreen />);
    const section = within(await screen.findByRole('region', { name: 'Sender profile' }));
    await userEvent.type(section.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(section.getByRole('button', { name: 'Save sender profile' }));
    expect((await section.findByRole('alert')).textContent).toMatch(/sender\.email: must be an email address/);
    expect((section.getByLabelText('Email') as HTMLInputElement).value).toBe('not-an-email');
  });

  it('sets a key write-only: the field clears and only the status comes back', async () => {
    let keys = { ...noKeys };
    const fake = installFakeCrm({
      ...settingsHandlers(),
      'keys:status': async () => keys,
      'keys:set': async ({ provider }) => (keys = { ...keys, [provider]: true }),
    });
    render(<SettingsScreen />);
    const input = (await screen.findByLabelText('Tavily API key')) as HTMLInputElement;
    expect(input.type).toBe('password');
    await userEvent.type(input, 'tvly-secret');
    await userEvent.click(within(input.closest('li')!).getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(within(input.closest('li')!).getByText('Set')).toBeTruthy());
    expect(input.value).toBe('');
    expect(fake.calls.filter((c) => c.channel === 'keys:set')).toEqual([
      { channel: 'keys:set', request: { provider: 'tavily', key: 'tvly-secret' } },
    ]);
    expect(screen.queryByText(/No API key is set/)).toBeNull();
    expect(document.body.textContent).not.toContain('tvly-secret');
  });

  it('shows an error with a retry when settings cannot be read', async () => {
    let fail = true;
    const handlers = settingsHandlers();
    installFakeCrm({
      'settings:get': async () => {
        if (fail)
          throw crmError(
            'invalid_settings',
            'Settings file /tmp/config.json is invalid: providers.tavily.baseUrl: must be an http(s) URL.',
          );
        return handlers['settings:get']();
      },
      'keys:status': async () => noKeys,
      'templates:list': handlers['templates:list'],
      'workflows:list': handlers['workflows:list'],
    });
    render(<SettingsScreen />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/providers\.tavily\.baseUrl/);
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: 'Sender profile' })).toBeTruthy();
  });
});
