// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/renderer/App';
import { defaultSettings } from '../../src/core/settings/schema';
import { installFakeCrm } from './support/fake-crm';

describe('App shell', () => {
  it('switches screens from the sidebar and with Ctrl+number, marking the current one', async () => {
    installFakeCrm({
      'settings:get': async () => defaultSettings(),
      'keys:status': async () => ({
        tavily: false,
        openai: false,
        anthropic: false,
        groq: false,
        slack: false,
        webhook: false,
      }),
    });
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toMatch(/^Lookup/);
    await userEvent.keyboard('{Control>}5{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toMatch(/^Settings/);
    await userEvent.click(screen.getByRole('button', { name: /^Drafts/ }));
    expect(screen.getByRole('heading', { level: 1, name: 'Drafts' })).toBeTruthy();
  });
});
