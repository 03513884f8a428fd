// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { defaultSettings } from '../../src/core/settings/schema';
import { setupState } from '../../src/core/setup/first-run';
import { sampleDataAt, SAMPLE_LABEL } from '../../src/core/setup/sample-data';
import { LookupScreen } from '../../src/renderer/screens/lookup/LookupScreen';
import { crmError, installFakeCrm } from './support/fake-crm';

const noKeys = { tavily: false, openai: false, anthropic: false, groq: false, slack: false, webhook: false };
const sample = sampleDataAt('/opt/crm/resources/sample-data');
const leadsFile = { token: `open-${'a'.repeat(32)}`, path: sample.leadsFile };

/** What main answers on a newcomer's machine: the real first-run state over default settings and no keys. */
const newcomer = (folder = '') =>
  setupState(
    { ...defaultSettings(), researchFolder: folder },
    { configured: async () => noKeys, availability: async () => ({ available: true }) },
    sample,
    'app',
  );

const lookupScreen = {
  'intel:recentCompanies': async () => [],
  'keys:status': async () => noKeys,
  'intel:report': async () => null,
};

describe('first run on the Lookup screen', () => {
  it('gives a newcomer one message saying what to do, instead of the offline notice', async () => {
    installFakeCrm({ ...lookupScreen, 'system:setup': () => newcomer() });
    render(<LookupScreen />);
    const message = await screen.findByText(/Nothing can be searched yet/);
    expect(message.textContent).toMatch(
      /no Tavily key and no research folder\. To try it now with sample data about a fictional company \(Fernhollow Robotics\): choose "Use the sample data"\. To search the web: add a Tavily key, under Settings > API keys\./,
    );
    expect(screen.queryByText(/No API key is set/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Use the sample data' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeTruthy();
  });

  it('says that lookups search sample data while the sample folder is the research folder', async () => {
    installFakeCrm({ ...lookupScreen, 'system:setup': () => newcomer(sample.researchFolder) });
    render(<LookupScreen />);
    const notice = (await screen.findByText('Sample data in use.')).closest('.banner')!;
    expect(notice.textContent).toMatch(/sample research folder about Fernhollow Robotics, a fictional company/);
    expect(screen.queryByText(/No API key is set/)).toBeNull();
  });

  it('keeps the offline notice once a research folder is set', async () => {
    installFakeCrm({ ...lookupScreen, 'system:setup': () => newcomer('/home/ada/research') });
    render(<LookupScreen />);
    expect(await screen.findByText(/No API key is set/)).toBeTruthy();
    expect(screen.queryByText(/Nothing can be searched yet/)).toBeNull();
  });

  it('uses the sample data, labelled as such, then looks up its company and imports its leads', async () => {
    const fake = installFakeCrm({
      ...lookupScreen,
      'system:setup': () => newcomer(),
      'system:useSample': async () => ({
        label: SAMPLE_LABEL,
        company: 'Fernhollow Robotics',
        researchFolder: sample.researchFolder,
        leadsFile,
        indexed: { folder: sample.researchFolder, added: 3, updated: 0, removed: 0, unchanged: 0, warnings: [] },
      }),
      'imports:start': async () => ({
        importId: 7,
        rowsTotal: 6,
        imported: 6,
        duplicates: 0,
        rejected: 0,
        errors: [],
        warnings: [],
      }),
      'intel:lookup': async () => {
        throw crmError('no_search_provider', 'stopped here: the lookup itself is tested end to end');
      },
    });
    render(<LookupScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Use the sample data' }));
    const notice = (await screen.findByText(/^Sample data: Fernhollow Robotics/)).closest('.banner')!;
    expect(notice.textContent).toMatch(
      /^Sample data: Fernhollow Robotics and everyone in it are fictional\. The sample research folder is now your research folder \(3 documents indexed\)/,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Import the sample leads' }));
    expect(await screen.findByRole('button', { name: 'Open the 6 sample leads' })).toBeTruthy();
    expect(fake.calls.find((c) => c.channel === 'imports:start')?.request).toEqual({ file: leadsFile.token });

    await userEvent.click(screen.getByRole('button', { name: 'Look up Fernhollow Robotics' }));
    expect(fake.calls.find((c) => c.channel === 'intel:lookup')?.request).toMatchObject({
      query: 'Fernhollow Robotics',
    });
    expect((screen.getByLabelText('Company name or domain') as HTMLInputElement).value).toBe('Fernhollow Robotics');
  });

  it('shows why the sample could not be used, and keeps the way out', async () => {
    installFakeCrm({
      ...lookupScreen,
      'system:setup': () => newcomer(),
      'system:useSample': async () => {
        throw crmError('research_folder_unreadable', 'The folder /opt/crm/resources/sample-data/research is gone.');
      },
    });
    render(<LookupScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Use the sample data' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/sample-data\/research is gone/);
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeTruthy();
  });
});
