// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultSettings, type Settings } from '../../src/core/settings/schema';
import { openDatabase } from '../../src/core/store/database';
import { WorkflowCatalog } from '../../src/core/intel/workflow-catalog';
import { WorkflowEditor } from '../../src/renderer/screens/settings/WorkflowEditor';
import { tempDir } from '../support/temp-dir';
import { installFakeCrm } from './support/fake-crm';

/** The editor's channels answered by the real catalog over a real SQLite file: the checks are the app's. */
function withCatalog(settings: () => Settings = defaultSettings) {
  const catalog = new WorkflowCatalog(openDatabase(tempDir()), settings);
  const fake = installFakeCrm({
    'workflows:list': async () => ({ workflows: catalog.list(), components: catalog.knownComponents() }),
    'workflows:save': async ({ workflow }) => catalog.save(workflow),
    'workflows:remove': async ({ name }) => ({ removed: catalog.remove(name) }),
  });
  return { catalog, fake };
}

const step = (n: number) => within(screen.getByRole('group', { name: `Step ${n}` }));

describe('Workflow editor', () => {
  it('copies a built-in, adds a step with its options, and saves it as the analyst’s own', async () => {
    const { catalog } = withCatalog();
    render(<WorkflowEditor />);
    const table = within(await screen.findByRole('table', { name: 'Workflows' }));
    expect(table.queryByRole('button', { name: 'Edit standard' })).toBeNull();
    expect(table.queryByRole('button', { name: 'Delete standard' })).toBeNull();
    await userEvent.click(table.getByRole('button', { name: 'Copy standard' }));

    const form = within(screen.getByRole('form', { name: 'New workflow' }));
    expect((form.getByLabelText('Name') as HTMLInputElement).value).toBe('standard-copy');
    await userEvent.click(form.getByRole('button', { name: 'Add step' }));
    const added = step(4);
    expect((added.getByLabelText('Component') as HTMLSelectElement).value).toBe('funding');
    expect((added.getByLabelText('identity') as HTMLInputElement).checked).toBe(true);
    await userEvent.type(added.getByLabelText('Results per search'), '5');
    await userEvent.selectOptions(added.getByLabelText('Time range'), 'month');
    await userEvent.selectOptions(step(3).getByLabelText('Search depth'), 'advanced');
    await userEvent.type(step(3).getByLabelText('Executives at most'), '12');
    await userEvent.click(form.getByRole('button', { name: 'Save workflow' }));

    expect((await screen.findByRole('status')).textContent).toBe('Saved workflow standard-copy.');
    expect(screen.queryByRole('form')).toBeNull();
    expect(catalog.get('standard-copy').steps).toEqual([
      { component: 'identity', dependsOn: [], options: {} },
      { component: 'overview', dependsOn: ['identity'], options: {} },
      { component: 'executives', dependsOn: ['identity'], options: { searchDepth: 'advanced', maxExecutives: 12 } },
      { component: 'funding', dependsOn: ['identity'], options: { maxResults: 5, timeRange: 'month' } },
    ]);
    expect(await screen.findByRole('button', { name: 'Edit standard-copy' })).toBeTruthy();
  });

  it('shows each problem at its field (name, cycle, option out of range) and stores nothing', async () => {
    const { catalog } = withCatalog();
    render(<WorkflowEditor />);
    await userEvent.click(await screen.findByRole('button', { name: 'New workflow' }));
    const form = within(screen.getByRole('form', { name: 'New workflow' }));
    await userEvent.type(form.getByLabelText('Name'), 'Deep Dive');
    await userEvent.click(form.getByRole('button', { name: 'Add step' }));
    await userEvent.click(step(1).getByLabelText('overview')); // identity now waits for overview, which waits for identity
    await userEvent.type(step(2).getByLabelText('Results per search'), '50');
    await userEvent.click(form.getByRole('button', { name: 'Save workflow' }));

    expect((await form.findByRole('alert', { name: 'Problems with the workflow' })).textContent).toBe(
      'the steps depend on each other in a cycle: identity -> overview -> identity',
    );
    expect(form.getByText('must be lower-case letters, digits, - or _')).toBeTruthy();
    expect(step(2).getByRole('alert').textContent).toMatch(/^Too big: expected number to be <=20/);
    expect(catalog.list().filter((w) => !w.builtin)).toEqual([]);
  });

  it('names a component this installation no longer has, at its step, and saves once it is replaced', async () => {
    let settings = defaultSettings();
    settings = {
      ...settings,
      intel: {
        ...settings.intel,
        customComponents: [{ name: 'pricing', queries: ['{company} pricing'], fields: [] }] as never,
      },
    };
    const { catalog } = withCatalog(() => settings);
    catalog.add({
      name: 'prices',
      steps: [{ component: 'identity' }, { component: 'pricing', dependsOn: ['identity'] }],
    });
    settings = defaultSettings(); // the custom component is removed from settings
    render(<WorkflowEditor />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit prices' }));
    const form = within(screen.getByRole('form', { name: 'Edit workflow prices' }));
    await userEvent.click(form.getByRole('button', { name: 'Save workflow' }));
    expect((await step(2).findByRole('alert')).textContent).toBe(
      'unknown component "pricing" (known: identity, overview, executives, funding, news)',
    );
    await userEvent.selectOptions(step(2).getByLabelText('Component'), 'news');
    await userEvent.click(form.getByRole('button', { name: 'Save workflow' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved workflow prices.');
    expect(catalog.get('prices').steps.map((s) => s.component)).toEqual(['identity', 'news']);
  });

  it('removes a step and what waited for it, and deletes the analyst’s own workflow', async () => {
    const { catalog } = withCatalog();
    catalog.add({
      name: 'mine',
      steps: [
        { component: 'identity' },
        { component: 'news', dependsOn: ['identity'] },
        { component: 'funding', dependsOn: ['identity', 'news'] },
      ],
    });
    render(<WorkflowEditor />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit mine' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove step 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save workflow' }));
    await screen.findByText('Saved workflow mine.');
    expect(catalog.get('mine').steps.map((s) => [s.component, s.dependsOn])).toEqual([
      ['identity', []],
      ['funding', ['identity']],
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete mine' }));
    expect(await screen.findByText('Deleted workflow mine.')).toBeTruthy();
    expect(catalog.list().map((w) => w.name)).toEqual(['standard', 'comprehensive']);
  });
});
