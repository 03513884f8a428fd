// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import { SettingsService } from '../../src/core/settings/settings-service';
import { SettingsScreen } from '../../src/renderer/screens/settings/SettingsScreen';
import { crmError, installFakeCrm } from './support/fake-crm';

const noKeys = { tavily: false, openai: false, anthropic: false, groq: false, slack: false, webhook: false };

/** The settings channels answered by the real SettingsService over an in-memory file, as main answers them. */
function settingsApp(initial: Settings = defaultSettings()) {
  const backend = { path: '/tmp/config.json', store: initial as unknown as Record<string, unknown> };
  const service = new SettingsService(backend);
  const fake = installFakeCrm({
    'templates:list': async () => [],
    'keys:status': async () => noKeys,
    'keys:destinations': async () => ({}) as never,
    'settings:get': async () => service.read(),
    'settings:update': async (patch) => {
      try {
        return service.update(patch as never);
      } catch (error) {
        throw crmError('invalid_settings', (error as Error).message);
      }
    },
  });
  render(<SettingsScreen />);
  return { service, fake, updates: () => fake.calls.filter((c) => c.channel === 'settings:update') };
}

const region = async (name: string) => within(await screen.findByRole('region', { name }));

describe('Intelligence settings', () => {
  it('saves extraction mode, LLM provider and its model; Providers shows the new model', async () => {
    const { service } = settingsApp();
    const intel = await region('Intelligence');
    await userEvent.selectOptions(intel.getByLabelText('Extraction'), 'deterministic');
    await userEvent.selectOptions(intel.getByLabelText('LLM provider'), 'anthropic');
    expect((intel.getByLabelText('LLM model') as HTMLInputElement).value).toBe('claude-sonnet-4-5');
    await userEvent.clear(intel.getByLabelText('LLM model'));
    await userEvent.type(intel.getByLabelText('LLM model'), 'claude-haiku-4-5');
    await userEvent.click(intel.getByRole('button', { name: 'Save intelligence' }));
    expect(await intel.findByText('Saved.')).toBeTruthy();
    expect(service.read().intel).toMatchObject({ extraction: 'deterministic', llmProvider: 'anthropic' });
    expect(service.read().providers.anthropic.model).toBe('claude-haiku-4-5');
    // The Providers form follows the saved model, so saving it later cannot write the old one back.
    const anthropic = within((await region('Providers')).getByRole('group', { name: 'Anthropic' }));
    expect((anthropic.getByLabelText('Model') as HTMLInputElement).value).toBe('claude-haiku-4-5');
  });

  it('names each invalid cache lifetime and weight beside its field, sends nothing, and saves once fixed', async () => {
    const { service, updates } = settingsApp();
    const cache = await region('Cache lifetimes');
    await userEvent.clear(cache.getByLabelText('News (hours)'));
    await userEvent.type(cache.getByLabelText('News (hours)'), '-3');
    await userEvent.clear(cache.getByLabelText('Funding and investments (hours)'));
    await userEvent.click(cache.getByRole('button', { name: 'Save cache lifetimes' }));
    expect((await cache.findByRole('alert')).textContent).toBe('Not saved. 2 fields need a fix, shown beside it.');
    const news = cache.getByLabelText('News (hours)');
    expect(news.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(news.getAttribute('aria-describedby')!)!.textContent).toBe('must be at least 0');
    const funding = cache.getByLabelText('Funding and investments (hours)');
    expect(document.getElementById(funding.getAttribute('aria-describedby')!)!.textContent).toBe('enter a number');
    expect(cache.getByLabelText('Overview (hours)').getAttribute('aria-invalid')).toBeNull();
    expect(updates()).toHaveLength(0);

    await userEvent.clear(news);
    await userEvent.type(news, '12');
    await userEvent.type(funding, '48');
    await userEvent.click(cache.getByRole('button', { name: 'Save cache lifetimes' }));
    expect(await cache.findByText('Saved.')).toBeTruthy();
    expect(news.getAttribute('aria-invalid')).toBeNull();
    expect(service.read().cacheTtlHours).toMatchObject({ news: 12, funding: 48 });

    const score = await region('Lead score');
    await userEvent.clear(score.getByLabelText('Email present'));
    await userEvent.type(score.getByLabelText('Email present'), '5000');
    await userEvent.click(score.getByRole('button', { name: 'Save lead score' }));
    expect((await score.findByRole('alert')).textContent).toMatch(/One field needs a fix/);
    const email = score.getByLabelText('Email present');
    expect(document.getElementById(email.getAttribute('aria-describedby')!)!.textContent).toBe('must be at most 1000');
    expect(service.read().leads.scoreWeights.email).toBe(10);
  });

  it('saves target roles and points per status; a custom status gets points once saved', async () => {
    const { service } = settingsApp();
    const score = await region('Lead score');
    await userEvent.click(score.getByLabelText('Managers'));
    await userEvent.click(score.getByLabelText('Vice presidents'));
    await userEvent.click(score.getByLabelText('engineering'));
    await userEvent.clear(score.getByLabelText('Status “replied”'));
    await userEvent.type(score.getByLabelText('Status “replied”'), '40');
    await userEvent.click(score.getByRole('button', { name: 'Save lead score' }));
    expect(await score.findByText('Saved.')).toBeTruthy();
    expect(service.read().leads.targetRoles).toEqual({
      seniority: ['executive', 'director', 'manager'],
      functions: ['engineering'],
    });
    expect(service.read().leads.scoreWeights.status.replied).toBe(40);
    expect(score.queryByLabelText('Status “meeting booked”')).toBeNull();

    const statuses = await region('Lead statuses');
    await userEvent.click(statuses.getByRole('button', { name: 'Add a status' }));
    await userEvent.type(statuses.getByLabelText('Custom status 1'), 'meeting booked');
    await userEvent.click(statuses.getByRole('button', { name: 'Save lead statuses' }));
    expect(await statuses.findByText('Saved.')).toBeTruthy();
    expect(service.read().leads.customStatuses).toEqual(['meeting booked']);
    expect(score.getByLabelText('Status “meeting booked”')).toBeTruthy();
  });

  it('names the custom status at fault, and a built-in repeated, without saving any', async () => {
    const { service, updates } = settingsApp();
    const statuses = await region('Lead statuses');
    await userEvent.click(statuses.getByRole('button', { name: 'Add a status' }));
    await userEvent.click(statuses.getByRole('button', { name: 'Add a status' }));
    await userEvent.type(statuses.getByLabelText('Custom status 1'), 'on hold');
    await userEvent.type(statuses.getByLabelText('Custom status 2'), '!urgent');
    await userEvent.click(statuses.getByRole('button', { name: 'Save lead statuses' }));
    await statuses.findByRole('alert');
    expect(statuses.getByLabelText('Custom status 1').getAttribute('aria-invalid')).toBeNull();
    const second = statuses.getByLabelText('Custom status 2');
    expect(document.getElementById(second.getAttribute('aria-describedby')!)!.textContent).toMatch(
      /must be letters, digits, spaces/,
    );

    await userEvent.clear(second);
    await userEvent.click(statuses.getByRole('button', { name: 'Save lead statuses' }));
    await expect
      .poll(() => document.getElementById(second.getAttribute('aria-describedby')!)?.textContent)
      .toBe('must not be empty');
    await userEvent.type(second, 'Qualified');
    await userEvent.click(statuses.getByRole('button', { name: 'Save lead statuses' }));
    expect(await statuses.findByText(/must not repeat a built-in status/)).toBeTruthy();
    expect(second.getAttribute('aria-invalid')).toBeNull();
    expect(updates()).toHaveLength(0);

    await userEvent.click(statuses.getByRole('button', { name: 'Remove custom status 2' }));
    await userEvent.click(statuses.getByRole('button', { name: 'Save lead statuses' }));
    expect(await statuses.findByText('Saved.')).toBeTruthy();
    expect(service.read().leads.customStatuses).toEqual(['on hold']);
  });
});

describe('Custom components', () => {
  it('adds a component, names each schema issue beside its field, sends nothing, and saves once fixed', async () => {
    const { service, updates } = settingsApp();
    const card = await region('Custom components');
    await userEvent.click(card.getByRole('button', { name: 'Add a component' }));
    const component = within(card.getByRole('group', { name: 'Custom component 1' }));
    await userEvent.type(component.getByLabelText('Component name'), 'Pricing');
    await userEvent.type(component.getByLabelText('Search queries, one per line'), '{{company} pricing');
    const field = within(component.getByRole('group', { name: 'Field 1' }));
    await userEvent.type(field.getByLabelText('Field name'), 'plan');
    await userEvent.type(field.getByLabelText('Pattern (regular expression)'), '(\\w+ plan');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));

    expect((await card.findByRole('alert')).textContent).toBe('Not saved. 2 fields need a fix, shown beside it.');
    const note = (element: HTMLElement) =>
      document.getElementById(element.getAttribute('aria-describedby')!)!.textContent;
    expect(note(component.getByLabelText('Component name'))).toBe('must be lower-case letters, digits, - or _');
    expect(note(field.getByLabelText('Pattern (regular expression)'))).toBe(
      'is not a regular expression (Unterminated group)',
    );
    expect(field.getByLabelText('Field name').getAttribute('aria-invalid')).toBeNull();
    expect(updates()).toHaveLength(0);

    const pattern = field.getByLabelText('Pattern (regular expression)');
    await userEvent.clear(pattern);
    await userEvent.type(pattern, '\\w+ plan');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    await expect.poll(() => note(pattern)).toBe('needs a group in ( ) around the value to read, e.g. (\\d+) employees');

    await userEvent.clear(component.getByLabelText('Component name'));
    await userEvent.type(component.getByLabelText('Component name'), 'pricing');
    await userEvent.clear(pattern);
    await userEvent.type(pattern, '(\\w+) plan');
    // A blank line between keywords is layout: it is not saved as an empty keyword.
    await userEvent.type(field.getByLabelText('Keywords, one per line'), 'enterprise{Enter}{Enter}per seat');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    expect(await card.findByText('Saved.')).toBeTruthy();
    expect(service.read().intel.customComponents).toEqual([
      {
        name: 'pricing',
        queries: ['{company} pricing'],
        fields: [{ name: 'plan', description: '', pattern: '(\\w+) plan', keywords: ['enterprise', 'per seat'] }],
        dependsOn: ['identity'],
      },
    ]);
    expect(updates()).toHaveLength(1);
  });

  it('names the query and the list at fault by place, then edits and removes stored components', async () => {
    const stored = defaultSettings();
    stored.intel.customComponents = [
      {
        name: 'pricing',
        queries: ['{company} pricing'],
        fields: [{ name: 'plan', description: '', keywords: [] }],
        dependsOn: [],
      },
      {
        name: 'hiring',
        queries: ['{company} careers'],
        fields: [{ name: 'roles', description: '', keywords: ['hiring'] }],
        dependsOn: ['identity'],
      },
    ];
    const { service, updates } = settingsApp(stored);
    const card = await region('Custom components');
    const second = within(card.getByRole('group', { name: 'Custom component 2' }));
    expect((second.getByLabelText('Component name') as HTMLInputElement).value).toBe('hiring');
    const queries = second.getByLabelText('Search queries, one per line');
    await userEvent.type(queries, `{Enter}${'x'.repeat(201)}`);
    // Blank lines are not entries: the misspelt step is the second entry, and is named so.
    const runsAfter = second.getByLabelText('Runs after, one component per line');
    await userEvent.type(runsAfter, '{Enter}{Enter}pricng');
    await userEvent.click(second.getByRole('button', { name: 'Remove field 1' }));
    await userEvent.clear(second.getByLabelText('Component name'));
    await userEvent.type(second.getByLabelText('Component name'), 'pricing');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    await card.findByRole('alert');
    const note = (element: HTMLElement) =>
      document.getElementById(element.getAttribute('aria-describedby')!)!.textContent;
    expect(note(queries)).toBe('query 2: at most 200 characters');
    expect(note(second.getByLabelText('Component name'))).toBe(
      '"pricing" is already the name of another custom component',
    );
    expect(second.getByText('Fields: needs at least 1')).toBeTruthy();
    expect(note(runsAfter)).toBe(
      'line 2: "pricng" is not a component: one of identity, overview, executives, funding, news or a custom component\'s name',
    );
    expect(updates()).toHaveLength(0);

    await userEvent.click(card.getByRole('button', { name: 'Remove custom component 2' }));
    const first = within(card.getByRole('group', { name: 'Custom component 1' }));
    await userEvent.type(first.getByLabelText('Runs after, one component per line'), 'identity');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    expect(await card.findByText('Saved.')).toBeTruthy();
    expect(card.queryByRole('alert')).toBeNull();
    expect(service.read().intel.customComponents).toEqual([
      { ...stored.intel.customComponents[0], dependsOn: ['identity'] },
    ]);
  });

  it('names a cycle between components at the runs-after field that closes it, and saves once it is broken', async () => {
    const stored = defaultSettings();
    const component = (name: string, dependsOn: string[]) => ({
      name,
      queries: [`{company} ${name}`],
      fields: [{ name: 'value', description: '', keywords: [name] }],
      dependsOn,
    });
    stored.intel.customComponents = [component('pricing', ['identity']), component('hiring', ['pricing'])];
    const { service, updates } = settingsApp(stored);
    const card = await region('Custom components');
    const first = within(card.getByRole('group', { name: 'Custom component 1' }));
    const runsAfter = first.getByLabelText('Runs after, one component per line');
    await userEvent.type(runsAfter, '{Enter}hiring');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));

    expect((await card.findByRole('alert')).textContent).toBe('Not saved. One field needs a fix, shown beside it.');
    const note = (element: HTMLElement) =>
      document.getElementById(element.getAttribute('aria-describedby')!)!.textContent;
    expect(note(runsAfter)).toBe('line 2: custom components form a cycle: pricing -> hiring -> pricing');
    const second = within(card.getByRole('group', { name: 'Custom component 2' }));
    expect(second.getByLabelText('Runs after, one component per line').getAttribute('aria-invalid')).toBeNull();
    expect(updates()).toHaveLength(0);

    await userEvent.clear(runsAfter);
    await userEvent.type(runsAfter, 'overview');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    expect(await card.findByText('Saved.')).toBeTruthy();
    expect(service.read().intel.customComponents.map((c) => c.dependsOn)).toEqual([['overview'], ['pricing']]);
  });

  it("shows and edits a component's lookup options, names each bad one beside it, and keeps them through a rename", async () => {
    const stored = defaultSettings();
    stored.intel.customComponents = [
      {
        name: 'pricing',
        queries: ['{company} pricing'],
        fields: [{ name: 'plan', description: '', keywords: ['plan'] }],
        dependsOn: ['identity'],
      },
    ];
    stored.components.pricing = { enabled: true, searchDepth: 'basic', maxResults: null, cacheTtlHours: 12 };
    const { service, updates } = settingsApp(stored);
    const card = await region('Custom components');
    const options = within(card.getByRole('group', { name: 'Lookup options' }));
    expect((options.getByLabelText('Search depth') as HTMLSelectElement).value).toBe('basic');
    expect((options.getByLabelText('Cache lifetime (hours)') as HTMLInputElement).value).toBe('12');
    const results = options.getByLabelText('Results per search') as HTMLInputElement;
    expect(results.value).toBe('');
    expect(results.placeholder).toBe('component default');

    await userEvent.type(results, '25');
    await userEvent.type(options.getByLabelText('Cache lifetime (hours)'), '{Backspace}{Backspace}-1');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    expect((await card.findByRole('alert')).textContent).toBe('Not saved. 2 fields need a fix, shown beside it.');
    const note = (element: HTMLElement) =>
      document.getElementById(element.getAttribute('aria-describedby')!)!.textContent;
    expect(note(results)).toBe('must be at most 20');
    expect(note(options.getByLabelText('Cache lifetime (hours)'))).toBe('must be at least 0');
    expect(updates()).toHaveLength(0);

    await userEvent.clear(results);
    await userEvent.type(results, '4');
    // An empty lifetime is the custom components' shared one, shown as the box's placeholder.
    const lifetime = options.getByLabelText('Cache lifetime (hours)') as HTMLInputElement;
    await userEvent.clear(lifetime);
    expect(lifetime.placeholder).toBe(`${24 * 7}, as custom components`);
    await userEvent.click(options.getByLabelText('Runs in lookups'));
    await userEvent.selectOptions(options.getByLabelText('Search depth'), 'Advanced');
    const name = card.getByLabelText('Component name');
    await userEvent.clear(name);
    // Typed through a built-in's name ("news"), the options stay the component's.
    await userEvent.type(name, 'news');
    await userEvent.type(name, 'prices');
    await userEvent.clear(name);
    await userEvent.type(name, 'prices');
    await userEvent.click(card.getByRole('button', { name: 'Save custom components' }));
    expect(await card.findByText('Saved.')).toBeTruthy();
    const saved = service.read();
    expect(saved.intel.customComponents.map((c) => c.name)).toEqual(['prices']);
    expect(saved.components.prices).toEqual({
      enabled: false,
      searchDepth: 'advanced',
      maxResults: 4,
      cacheTtlHours: null,
    });
    expect(saved.components).not.toHaveProperty('pricing');
    expect(updates()).toHaveLength(1);
  });
});
