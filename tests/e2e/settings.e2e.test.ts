import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyBindingOver, keysForConfirmedBaseUrls } from '../../src/core/secrets/key-destinations';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import { MemorySecretStore } from '../support/memory-secrets';
import { tempDir } from '../support/temp-dir';
import { testServices } from '../support/services';
import { intelHarness } from '../intel/support';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe('Settings (e2e)', () => {
  it('changes settings and a key, and they persist across a reload and in the settings file', async () => {
    const services = testServices();
    const { page, screenshot, pickNext } = await openApp(harness, services);
    await page.getByRole('button', { name: /^Settings/ }).click();

    const sender = page.getByRole('region', { name: 'Sender profile' });
    await sender.getByLabel('Name').fill('Ada Analyst');
    await sender.getByLabel('Company').fill('Northwind Research');
    await sender.getByLabel('Email').fill('ada@northwind.example');
    await sender.getByRole('button', { name: 'Save sender profile' }).click();
    await sender.getByText('Saved.').waitFor();

    const cache = page.getByRole('region', { name: 'Cache lifetimes' });
    await cache.getByLabel('News (hours)').fill('12');
    await cache.getByRole('button', { name: 'Save cache lifetimes' }).click();
    await cache.getByText('Saved.').waitFor();

    // The research folder, picked in the folder dialog (main reads only folders it was given that way).
    const research = page.getByRole('region', { name: 'Research and import' });
    const folder = tempDir();
    pickNext(folder);
    await research.getByRole('button', { name: 'Browse…' }).click();
    await expect.poll(() => research.getByLabel('Local research folder').inputValue()).toBe(folder);
    await research.getByRole('button', { name: 'Save research and import' }).click();
    await research.getByText('Saved.').waitFor();
    expect(services.settings.read().researchFolder).toBe(folder);

    await page.getByLabel('Tavily API key').fill('tvly-e2e-secret');
    await page.getByLabel('Tavily API key').press('Enter');
    await page.getByText('Tavily key saved.').waitFor();

    await page.reload();
    await page.getByRole('button', { name: /^Settings/ }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Sender profile' }).getByLabel('Name').inputValue())
      .toBe('Ada Analyst');
    expect(await page.getByRole('region', { name: 'Cache lifetimes' }).getByLabel('News (hours)').inputValue()).toBe(
      '12',
    );
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Tavily' }).getByText('Set', { exact: true }).count(),
    ).toBe(1);
    expect(await page.content()).not.toContain('tvly-e2e-secret');

    expect(services.settings.read().sender).toMatchObject({
      name: 'Ada Analyst',
      company: 'Northwind Research',
      email: 'ada@northwind.example',
    });
    expect(services.settings.read().cacheTtlHours.news).toBe(12);
    expect(await services.secrets.get('tavily')).toBe('tvly-e2e-secret');
    await screenshot('settings');
    services.close();
  });

  it('adds a custom component: a field error for a pattern that cannot compile, fixed, saved and kept after a reload', async () => {
    const services = testServices();
    const { page, screenshot } = await openApp(harness, services);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const card = page.getByRole('region', { name: 'Custom components' });
    await card.getByRole('button', { name: 'Add a component' }).click();
    const component = card.getByRole('group', { name: 'Custom component 1' });
    await component.getByLabel('Component name').fill('pricing');
    await component.getByLabel('Search queries, one per line').fill('{company} pricing\n{domain} plans');
    const field = component.getByRole('group', { name: 'Field 1' });
    await field.getByLabel('Field name').fill('plan');
    const pattern = field.getByLabel('Pattern (regular expression)');
    await pattern.fill('(\\w+ plan');
    await card.getByRole('button', { name: 'Save custom components' }).click();

    await expect
      .poll(() => card.getByRole('alert').textContent())
      .toBe('Not saved. One field needs a fix, shown beside it.');
    expect(await pattern.getAttribute('aria-invalid')).toBe('true');
    const note = page.locator(`[id="${await pattern.getAttribute('aria-describedby')}"]`);
    expect(await note.textContent()).toBe('is not a regular expression (Unterminated group)');
    expect(services.settings.read().intel.customComponents).toEqual([]);
    await card.scrollIntoViewIfNeeded();
    await screenshot('settings-custom-components');

    await pattern.fill('(\\w+) plan');
    await card.getByRole('button', { name: 'Save custom components' }).click();
    await card.getByText('Saved.').waitFor();
    expect(await pattern.getAttribute('aria-invalid')).toBeNull();
    const stored = [
      {
        name: 'pricing',
        queries: ['{company} pricing', '{domain} plans'],
        fields: [{ name: 'plan', description: '', pattern: '(\\w+) plan', keywords: [] }],
        dependsOn: ['identity'],
      },
    ];
    expect(services.settings.read().intel.customComponents).toEqual(stored);

    await page.reload();
    await page.getByRole('button', { name: /^Settings/ }).click();
    const reloaded = page
      .getByRole('region', { name: 'Custom components' })
      .getByRole('group', { name: 'Custom component 1' });
    await expect.poll(() => reloaded.getByLabel('Component name').inputValue()).toBe('pricing');
    expect(await reloaded.getByLabel('Pattern (regular expression)').inputValue()).toBe('(\\w+) plan');

    // Its lookup options (components.pricing), as the built-ins have: a result count out of range is named at
    // its box; fixed, they are saved through settings:update and shown again after a reload.
    const options = reloaded.getByRole('group', { name: 'Lookup options' });
    expect(await options.getByLabel('Cache lifetime (hours)').getAttribute('placeholder')).toBe(
      '168, as custom components',
    );
    const results = options.getByLabel('Results per search');
    await results.fill('25');
    await options.getByLabel('Search depth').selectOption('Advanced');
    await options.getByLabel('Cache lifetime (hours)').fill('48');
    const save = page.getByRole('region', { name: 'Custom components' }).getByRole('button', {
      name: 'Save custom components',
    });
    await save.click();
    const resultsNote = page.locator(`[id="${await results.getAttribute('aria-describedby')}"]`);
    await expect.poll(() => resultsNote.textContent()).toBe('must be at most 20');
    expect(services.settings.read().components.pricing).toEqual({
      enabled: true,
      searchDepth: null,
      maxResults: null,
      cacheTtlHours: null,
    });
    await results.fill('5');
    await save.click();
    await page.getByRole('region', { name: 'Custom components' }).getByText('Saved.').waitFor();
    expect(services.settings.read().components.pricing).toEqual({
      enabled: true,
      searchDepth: 'advanced',
      maxResults: 5,
      cacheTtlHours: 48,
    });
    await page.reload();
    await page.getByRole('button', { name: /^Settings/ }).click();
    await expect.poll(() => options.getByLabel('Results per search').inputValue()).toBe('5');
    expect(await options.getByLabel('Search depth').inputValue()).toBe('advanced');
    expect(await options.getByLabel('Cache lifetime (hours)').inputValue()).toBe('48');
    // The card from its title down, as the README shows it.
    await page
      .getByRole('heading', { name: 'Custom components' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot('settings-custom-component-options');
    services.close();
  });

  it('refuses an invalid base URL with the field named, and keeps the stored value', async () => {
    const services = testServices();
    const { page } = await openApp(harness, services);
    await page.getByRole('button', { name: /^Settings/ }).click();
    const providers = page.getByRole('region', { name: 'Providers' });
    await providers.getByRole('group', { name: 'Tavily' }).getByLabel('Base URL').fill('ftp://nope');
    await providers.getByRole('button', { name: 'Save providers' }).click();
    await expect
      .poll(() => providers.getByRole('alert').textContent())
      .toMatch(/must be an http\(s\) URL[\s\S]*providers\.tavily\.baseUrl/);
    // Plain http to another machine would carry the key in clear text.
    await providers.getByRole('group', { name: 'Tavily' }).getByLabel('Base URL').fill('http://proxy.example:8080');
    await providers.getByRole('button', { name: 'Save providers' }).click();
    await expect
      .poll(() => providers.getByRole('alert').textContent())
      .toMatch(/must be https \(plain http only for this machine/);
    expect(services.settings.read().providers.tavily.baseUrl).toBe('https://api.tavily.com');
    services.close();
  });

  it('sends the stored key to a changed base URL only after the analyst confirms it', async () => {
    const credentials: string[] = [];
    const server = http.createServer((request, response) => {
      if (request.headers.authorization) credentials.push(request.headers.authorization);
      request
        .resume()
        .on('end', () =>
          response
            .setHeader('content-type', 'application/json')
            .end(JSON.stringify({ query: 'connection test', results: [], usage: { credits: 1 } })),
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Keys bound to confirmed base URLs, as main and the command line assemble them.
    const dataDir = tempDir();
    const services = testServices({
      dataDir,
      secrets: keysForConfirmedBaseUrls(new MemorySecretStore(), keyBindingOver(dataDir, openConfBackend(dataDir), {})),
    });
    await services.secrets.set('tavily', 'tvly-e2e-stored');
    try {
      const { page } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Settings/ }).click();
      const providers = page.getByRole('region', { name: 'Providers' });
      await providers.getByRole('group', { name: 'Tavily' }).getByLabel('Base URL').fill(baseUrl);
      await providers.getByRole('button', { name: 'Save providers' }).click();

      const tavily = page.getByRole('listitem').filter({ hasText: 'Web search for company reports' });
      await tavily
        .getByText(
          `The Tavily base URL is now ${baseUrl}. The stored key is not sent there until you confirm this address.`,
        )
        .waitFor();
      await tavily.getByRole('button', { name: 'Test connection' }).click();
      await expect.poll(() => tavily.getByRole('alert').textContent()).toContain('is not sent there until you confirm');
      expect(credentials).toEqual([]);

      await tavily.getByRole('button', { name: 'Confirm base URL' }).click();
      await tavily.getByText(`The Tavily key will be sent to ${baseUrl}.`).waitFor();
      expect(await tavily.getByRole('button', { name: 'Confirm base URL' }).count()).toBe(0);
      await tavily.getByRole('button', { name: 'Test connection' }).click();
      await tavily.getByText(/^Tavily works\./).waitFor();
      expect(credentials).toEqual(['Bearer tvly-e2e-stored']);
    } finally {
      services.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tests the stored Tavily key with one call to the loopback Tavily, and explains a refused key', async () => {
    const intel = await intelHarness();
    try {
      const { page, context } = await openApp(harness, intel.services);
      await page.getByRole('button', { name: /^Settings/ }).click();
      const tavily = page.getByRole('listitem').filter({ hasText: 'Web search for company reports' });
      await tavily.getByRole('button', { name: 'Test connection' }).click();
      await tavily.getByText(/^Tavily works\. Connected in \d+ ms\.$/).waitFor();
      expect(intel.tavily.searches()).toHaveLength(1);

      await page.getByLabel('Tavily API key').fill('tvly-revoked');
      await page.getByLabel('Tavily API key').press('Enter');
      await tavily.getByText('Tavily key saved.').waitFor();
      await tavily.getByRole('button', { name: 'Test connection' }).click();
      expect(await tavily.getByRole('alert').textContent()).toBe(
        'The key was refused: check that it is complete and still active.',
      );
      await context.close();
    } finally {
      await intel.close();
    }
  });
});
