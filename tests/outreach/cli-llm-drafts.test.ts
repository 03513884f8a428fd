import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { FAKE_OPENAI_KEY, startFakeOpenAi } from '../support/providers/fake-llm';

describe('crm-intel draft --llm with a provider and model', () => {
  it('sends the model named, and shows why a draft fell back to the template', async () => {
    // A model that always puts a booking link in the body, which the checks refuse.
    const llm = await startFakeOpenAi({
      apiKey: FAKE_OPENAI_KEY,
      model: () => ({
        subject: 'A question, Jane',
        body: 'Hi Jane,\n\nBook a slot at https://cal.example/sam to talk about research.\n\nSam',
        factIds: [],
      }),
    });
    try {
      const dir = tempDir();
      const env = {
        CRM_INTEL_DATA_DIR: path.join(dir, 'data'),
        OPENAI_BASE_URL: `${llm.baseUrl}/v1`,
        OPENAI_API_KEY: FAKE_OPENAI_KEY,
      };
      fs.writeFileSync(
        path.join(dir, 'leads.csv'),
        'First Name,Last Name,Email,Company,Title\nJane,Doe,jane@acme.example,Acme Inc,VP of Sales\n',
      );
      const { importId } = JSON.parse((await runCli(['import', path.join(dir, 'leads.csv'), '--json'], env)).stdout);
      await runCli(['settings', 'set', 'sender.name', 'Sam Carter'], env);
      await runCli(['settings', 'set', 'sender.valueProposition', 'We help revenue teams research accounts'], env);

      const unknown = await runCli(['draft', '--import', String(importId), '--llm', '--llm-provider', 'nope'], env);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/unknown LLM provider "nope"; expected one of openai, anthropic, groq/);

      const args = ['draft', '--import', String(importId), '--llm', '--llm-provider', 'openai', '--model', 'house-cli'];
      const drafted = await runCli([...args, '--json'], env);
      expect(drafted.code).toBe(0);
      expect(JSON.parse(drafted.stdout)).toMatchObject({ drafted: 1, llmFallbacks: 1 });
      expect(llm.calls().map((c) => (c.body as { model: string }).model)).toEqual(['house-cli']);

      const draftId = (JSON.parse(drafted.stdout).drafts as { id: number }[])[0]!.id;
      const shown = await runCli(['drafts', 'show', String(draftId)], env);
      expect(shown.stdout).toContain(
        'Written from the template instead of the LLM: the LLM wrote a link, domain or address.',
      );
      expect(shown.stdout).not.toContain('cal.example');
    } finally {
      await llm.close();
    }
  });
});
