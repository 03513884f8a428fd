import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { tempDir } from '../support/temp-dir';
import { loadTavilyFixtures, type TavilyFixture } from '../support/providers/fake-tavily';
import { FAKE_OPENAI_KEY, promptDocuments, startFakeOpenAi, type ModelRequest } from '../support/providers/fake-llm';
import { DRAFTING_SYSTEM_PROMPT } from '../../src/core/outreach/compose/llm-generator';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);

/** The fixtures' news re-dated to last week, so drafts may call it news and the test does not age. */
function recentNews(fixtures: TavilyFixture[]): TavilyFixture[] {
  return fixtures.map((f) =>
    f.topic === 'news' ? { ...f, results: f.results.map((r) => ({ ...r, published_date: lastWeek })) } : f,
  );
}

const SENDER = {
  name: 'Ada Analyst',
  company: 'Northwind Research',
  email: 'ada@northwind.example',
  valueProposition: 'we help retailers cut stock-outs',
  signature: 'Ada',
};

/**
 * The model on loopback: a grounded draft citing last week's news for Marcus, and for Jane one that puts a
 * booking link in the body, which the checks refuse (her draft falls back to the template, saying why).
 */
function model({ system, user }: ModelRequest) {
  if (system !== DRAFTING_SYSTEM_PROMPT) throw new Error('only drafting calls are expected');
  const [first] = /"firstName":"(\w+)"/.exec(user)?.slice(1) ?? ['there'];
  const news = promptDocuments(user).find((d) => d.title.includes(lastWeek)) ?? promptDocuments(user)[0]!;
  const link = first === 'Jane' ? ' Book a slot at https://cal.example/ada.' : '';
  return {
    subject: `A question for you, ${first}`,
    body: `Dear ${first},\n\nI read that ${news.text.replace(/\.$/, '')}. In your role you are likely weighing what comes next.\n\nAt Northwind Research ${SENDER.valueProposition}.${link}\n\nWould a short call next week be useful?\n\n${SENDER.signature}`,
    factIds: [news.index],
  };
}

describe('LLM drafting (e2e)', () => {
  it('drafts with the provider, model, tone and length picked, and shows why a draft fell back to the template', async () => {
    const llm = await startFakeOpenAi({ apiKey: FAKE_OPENAI_KEY, model });
    const intel = await intelHarness({
      fixtures: recentNews(loadTavilyFixtures('lumora')),
      llm: { provider: 'openai', baseUrl: `${llm.baseUrl}/v1`, key: FAKE_OPENAI_KEY },
      // Lookups read pages without the LLM: only drafting calls it here.
      settings: { intel: { extraction: 'deterministic' } } as SettingsPatch,
    });
    const { services } = intel;
    try {
      services.settings.update({ sender: SENDER });
      const file = path.join(tempDir(), 'leads.csv');
      fs.writeFileSync(
        file,
        'First Name,Last Name,Email,Company,Title\nJane,Okafor,jane@lumora.io,Lumora Analytics,CEO\nMarcus,Lindqvist,marcus@lumora.io,Lumora Analytics,CFO\n',
      );
      const { importId } = await services.leads.startImport({ file });
      await services.enrichment.run(services.enrichment.plan({ importId: importId! }, 'comprehensive').batchId);

      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Drafts/ }).click();
      const writer = page.getByLabel('Written by');
      await expect.poll(() => writer.locator('option').allInnerTexts()).toContain('OpenAI-compatible · gpt-4o-mini');
      expect(await writer.locator('option', { hasText: 'Anthropic' }).isDisabled()).toBe(true);
      await writer.selectOption('openai');
      await page.getByLabel('Model').fill('house-writer-1');
      await page.getByLabel('Tone').selectOption('formal');
      await page.getByLabel('Length').selectOption('long');
      await screenshot('drafts-llm-options');

      await page.getByRole('button', { name: `Generate drafts for import #${importId}` }).click();
      await page.getByText('2 drafted, 1 from the template instead of the LLM (each draft says why).').waitFor();
      const calls = llm.calls().map((c) => c.body as { model: string; messages: { content: unknown }[] });
      expect(calls.map((c) => c.model)).toEqual(['house-writer-1', 'house-writer-1']);
      expect(JSON.stringify(calls[0]!.messages)).toContain(
        'Tone: polite and professional, no slang. Body at most 220 words',
      );

      await page.getByRole('button', { name: 'Review drafts' }).click();
      const queue = page.getByRole('list', { name: 'Drafts' });
      await expect.poll(() => queue.getByRole('listitem').count()).toBe(2);
      await queue.getByRole('button', { name: /Jane Okafor/ }).click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Draft' }).getByRole('note').textContent())
        .toBe('Written from the template instead of the LLM: the LLM wrote a link, domain or address.');
      expect(await page.getByLabel('Body').inputValue()).not.toContain('cal.example');
      await screenshot('drafts-llm-fallback');

      await queue.getByRole('button', { name: /Marcus Lindqvist/ }).click();
      await expect.poll(() => page.getByLabel('Subject').inputValue()).toBe('A question for you, Marcus');
      expect(await page.getByRole('region', { name: 'Draft' }).getByRole('note').count()).toBe(0);
    } finally {
      await intel.close();
      await llm.close();
    }
  });
});
