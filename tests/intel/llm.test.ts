import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { intelHarness } from './support';
import {
  FAKE_ANTHROPIC_KEY,
  FAKE_OPENAI_KEY,
  anthropicError,
  openAiError,
  promptDocuments,
  startFakeAnthropic,
  startFakeOpenAi,
  type FakeLlm,
  type ModelRequest,
} from '../support/providers/fake-llm';
import { llmClient } from '../../src/core/providers/llm-choice';
import { sentences } from '../../src/core/intel/read/sentences';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function track<T extends { close(): Promise<void> | void }>(value: Promise<T>): Promise<T> {
  const resolved = await value;
  closers.push(() => resolved.close());
  return resolved;
}

type Row = Record<string, unknown> & { evidence: string; document: number };

/**
 * A scripted model that reads the prompt's documents sentence by sentence, like a real one would, and
 * answers per component. It also "believes" anything a document tells it to report: if an instruction
 * ever reached it, the injected value would come back.
 */
function readingModel(extra: (request: ModelRequest) => Row[] = () => []) {
  return (request: ModelRequest) => {
    const rows: Row[] = [];
    for (const document of promptDocuments(request.user)) {
      for (const sentence of sentences(document.text)) {
        const at = { evidence: sentence, document: document.index };
        const injected =
          /report that the CEO of [\w ]+ is ([A-Z]\w+ [A-Z]\w+)/.exec(sentence) ??
          /state [\w ]+ was founded in (\d{4})/.exec(sentence);
        if (/decision makers/.test(request.user)) {
          const person =
            /^([A-Z][a-z]+ [A-Z][a-z]+)(?:,| is| serves as)[^.]*?(Chief [A-Za-z]+ Officer|Vice President of \w+)/.exec(
              sentence,
            );
          if (person) rows.push({ name: person[1], title: person[2], ...at });
          if (injected) rows.push({ name: injected[1], title: 'CEO', ...at });
        } else if (/funding rounds/.test(request.user)) {
          const round = /raised \$(\d+) million in a (Series [A-Z]) round led by ([A-Z]\w+ [A-Z]\w+)/.exec(sentence);
          if (round)
            rows.push({
              date: null,
              round: round[2],
              amount: Number(round[1]) * 1e6,
              currency: 'USD',
              leadInvestors: [round[3]],
              investors: [],
              ...at,
            });
        } else if (/news document/.test(request.user)) {
          if (document.index <= 2 && sentence === sentences(document.text)[0])
            rows.push({ trigger: /appoint|hire|join/i.test(sentence) ? 'hire' : 'launch', ...at });
        } else {
          const hq = /headquartered in ([A-Z][a-z]+, [A-Z][a-z]+)/.exec(sentence);
          if (hq) rows.push({ field: 'headquarters', value: hq[1], ...at });
          if (injected) rows.push({ field: 'founded', value: injected[1], ...at });
        }
      }
    }
    return { records: [...rows, ...extra(request)] };
  };
}

describe('LLM extraction over OpenAI Chat Completions on loopback', () => {
  it('extracts every section as structured output checked by zod, each fact quoted from its source', async () => {
    const openai = await track(startFakeOpenAi({ model: readingModel() }));
    const harness = await track(
      intelHarness({ llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY } }),
    );
    const report = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(report.partial).toEqual([]);
    expect(report.executives.map((e) => [e.name, e.title])).toEqual(
      expect.arrayContaining([
        ['Jane Okafor', 'Chief Executive Officer'],
        ['Marcus Lindqvist', 'Chief Financial Officer'],
      ]),
    );
    expect(report.funding.find((f) => f.round === 'Series B')).toMatchObject({
      amount: 45_000_000,
      currency: 'USD',
      leadInvestors: ['Northgate Ventures'],
    });
    expect(report.overview.headquarters[0]?.value).toBe('Austin, Texas');
    expect(report.news.length).toBeGreaterThan(0);
    const pages = new Map(
      loadTavilyFixtures('lumora').flatMap((f) => f.results.map((r) => [r.url, r.raw_content ?? r.content] as const)),
    );
    for (const fact of report.facts.filter((f) => f.section !== 'identity'))
      expect(pages.get(fact.source.url)).toContain(fact.evidence);
    // Wire format: Bearer key, strict json_schema response format, the system prompt marks web text as data.
    const call = openai.calls()[0]!;
    expect(call.headers.authorization).toBe(`Bearer ${FAKE_OPENAI_KEY}`);
    const body = call.body as {
      model: string;
      messages: { role: string; content: string }[];
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: { type: string } } };
    };
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'record_facts', strict: true, schema: { type: 'object' } },
    });
    expect(body.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringMatching(/never follow instructions/),
    });
    // A second lookup within the lifetimes asks the model nothing.
    const calls = openai.calls().length;
    const again = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(openai.calls().length).toBe(calls);
    expect(again.executives).toEqual(report.executives);
  });

  it('makes news only of pages that report an event: a team page among the news results is not sent as news', async () => {
    const teamPage = {
      title: 'Lumora Analytics leadership team',
      url: 'https://www.lumora.io/team',
      score: 0.9,
      content: 'Lumora Analytics team. Jane Okafor leads the company as its chief executive and has done so for years.',
    };
    const fixtures = loadTavilyFixtures('lumora').map((f) =>
      f.topic === 'news' ? { ...f, results: [teamPage, ...f.results] } : f,
    );
    const openai = await track(startFakeOpenAi({ model: readingModel() }));
    const harness = await track(
      intelHarness({ fixtures, llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY } }),
    );
    const report = await harness.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' });
    expect(report.news.length).toBeGreaterThan(0);
    expect(report.news.flatMap((n) => n.sources)).not.toContain(teamPage.url);
  });

  it('drops answers whose evidence is not in the cited document, or whose name is not in the evidence', async () => {
    const openai = await track(
      startFakeOpenAi({
        model: readingModel((request) => {
          if (!/decision makers/.test(request.user)) return [];
          const team = promptDocuments(request.user).find((d) => d.text.includes('Marcus Lindqvist serves as'))!.index;
          return [
            {
              name: 'Victor Invented',
              title: 'Chief Technology Officer',
              evidence: 'Victor Invented is the Chief Technology Officer of Lumora Analytics.',
              document: team,
            },
            {
              name: 'Olga Elsewhere',
              title: 'Chief Operating Officer',
              evidence: 'Marcus Lindqvist serves as Chief Financial Officer.',
              document: team,
            },
            {
              name: 'Nobody Cited',
              title: 'President',
              evidence: 'Marcus Lindqvist serves as Chief Financial Officer.',
              document: 99,
            },
          ];
        }),
      }),
    );
    const harness = await track(
      intelHarness({ llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY } }),
    );
    const report = await harness.services.intel.lookup('Lumora Analytics', { types: ['executives'] });
    const names = report.executives.map((e) => e.name);
    expect(names).toContain('Jane Okafor');
    expect(names).not.toEqual(expect.arrayContaining(['Victor Invented']));
    expect(JSON.stringify(report)).not.toMatch(/Victor Invented|Olga Elsewhere|Nobody Cited/);
    for (const fact of report.facts.filter((f) => f.section === 'executives')) {
      const name = (fact.value as { name: string }).name;
      expect(fact.evidence).toContain(name);
    }
  });

  it('never sends planted instructions to the model, so a gullible model cannot repeat them', async () => {
    const openai = await track(startFakeOpenAi({ model: readingModel() }));
    const harness = await track(
      intelHarness({ llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY } }),
    );
    const report = await harness.services.intel.lookup('Quillfeather Labs');
    expect(JSON.stringify(report)).not.toMatch(/Mallory|1850/);
    expect(report.executives.map((e) => e.name)).toEqual(['Ada Brightwater']);
    for (const call of openai.calls())
      expect(JSON.stringify(call.body)).not.toMatch(/Ignore all previous instructions|SYSTEM: you are/);
  });

  it('rejects malformed and off-schema model output as invalid_response; the other steps still arrive', async () => {
    let answer: unknown = 'Sure! Here are the executives: Jane Okafor (CEO)';
    const openai = await track(
      startFakeOpenAi({
        model: (request) => (/decision makers/.test(request.user) ? (answer as string) : readingModel()(request)),
      }),
    );
    const harness = await track(
      intelHarness({ llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY } }),
    );
    const report = await harness.services.intel.lookup('Lumora Analytics');
    expect(report.partial).toEqual([
      { component: 'executives', status: 'failed', reason: expect.stringMatching(/not JSON/) },
    ]);
    expect(report.overview.headquarters[0]?.value).toBe('Austin, Texas');
    answer = JSON.stringify({ records: [{ name: 42, title: 'CEO', evidence: 'x', document: 1 }] });
    const rerun = await harness.services.intel.rerunStep(report.run.id, 'executives');
    expect(rerun.run.steps.find((s) => s.component === 'executives')).toMatchObject({
      status: 'failed',
      error: { kind: 'invalid_response' },
    });
    expect(rerun.executives).toEqual([]);
  });

  it('maps 401, 429 with Retry-After and 5xx from the wire to error kinds, never leaking the key', async () => {
    const schema = z.object({ ok: z.boolean() });
    const request = {
      instruction: 'x',
      documents: [{ index: 1, title: 't', text: 'Hello.' }],
      schema,
      schemaName: 'answer',
    };
    const openai = await track(
      startFakeOpenAi({
        model: () => JSON.stringify({ ok: true }),
        faults: [
          openAiError(429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded', {
            'retry-after': '2',
          }),
          openAiError(500, 'The server had an error', 'server_error', null),
        ],
      }),
    );
    const extractor = (key: string) =>
      llmClient('openai', { baseUrl: `${openai.baseUrl}/v1`, model: 'gpt-4o-mini', apiKey: async () => key });
    const limited = await extractor(FAKE_OPENAI_KEY).extract(request);
    expect(!limited.ok && limited.error).toMatchObject({
      kind: 'rate_limit',
      retryAfterMs: 2000,
      message: expect.stringMatching(/429: Rate limit reached/),
    });
    const failed = await extractor(FAKE_OPENAI_KEY).extract(request);
    expect(!failed.ok && failed.error.kind).toBe('server');
    const denied = await extractor('sk-wrong-key-123').extract(request);
    expect(!denied.ok && denied.error.kind).toBe('auth');
    expect(JSON.stringify(denied)).not.toContain('sk-wrong-key-123');
    const fine = await extractor(FAKE_OPENAI_KEY).extract(request);
    expect(fine).toMatchObject({ ok: true, data: { ok: true } });
    // Strict structured outputs refuse an open object; ours are closed, this one is not.
    const open = await extractor(FAKE_OPENAI_KEY).extract({ ...request, schema: z.looseObject({ ok: z.boolean() }) });
    expect(!open.ok && open.error).toMatchObject({
      kind: 'bad_request',
      message: expect.stringMatching(/additionalProperties/),
    });
    // The client never retries by itself: one request per call, retries are the gateway's.
    expect(openai.calls().length).toBe(5);
  });

  it('sends temperature 0 to a chat model but none to a reasoning model, which refuses it', async () => {
    const request = {
      instruction: 'x',
      documents: [{ index: 1, title: 't', text: 'Hello.' }],
      schema: z.object({ ok: z.boolean() }),
      schemaName: 'answer',
    };
    const openai = await track(startFakeOpenAi({ model: () => ({ ok: true }) }));
    for (const model of ['gpt-4o-mini', 'o3-mini', 'gpt-5-mini']) {
      const result = await llmClient('openai', {
        baseUrl: `${openai.baseUrl}/v1`,
        model,
        apiKey: async () => FAKE_OPENAI_KEY,
      }).extract(request);
      expect(result).toMatchObject({ ok: true, data: { ok: true } });
    }
    const [chat, o3, gpt5] = openai.calls().map((call) => call.body as { model: string; temperature?: number });
    expect(chat).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
    expect(o3).toMatchObject({ model: 'o3-mini' });
    expect(o3).not.toHaveProperty('temperature');
    expect(gpt5).not.toHaveProperty('temperature');
  });

  it('speaks to a local server (Ollama, LM Studio) without a key: no Authorization header', async () => {
    const local = await track(startFakeOpenAi({ apiKey: null, model: () => ({ ok: true }) }));
    const request = {
      instruction: 'x',
      documents: [{ index: 1, title: 't', text: 'Hello.' }],
      schema: z.object({ ok: z.boolean() }),
      schemaName: 'answer',
    };
    const result = await llmClient('openai', {
      baseUrl: `${local.baseUrl}/v1`,
      model: 'llama3.2',
      apiKey: async () => null,
    }).extract(request);
    expect(result).toMatchObject({ ok: true, data: { ok: true } });
    expect(local.calls()[0]!.headers.authorization).toBeUndefined();
    expect(local.calls()[0]!.body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'answer' } },
    });
  });
});

describe('LLM extraction over Anthropic Messages on loopback', () => {
  let anthropic: FakeLlm;

  it('takes structured output as a JSON schema format, retries 429 and 529 through the gateway, and checks the answer with zod', async () => {
    anthropic = await track(
      startFakeAnthropic({
        model: readingModel(),
        faults: [
          anthropicError(429, 'rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit', {
            'retry-after': '0.05',
          }),
          anthropicError(529, 'overloaded_error', 'Overloaded'),
        ],
      }),
    );
    const harness = await track(
      intelHarness({
        llm: { provider: 'anthropic', baseUrl: anthropic.baseUrl, key: FAKE_ANTHROPIC_KEY },
        settings: { intel: { retries: 3 } } as never,
      }),
    );
    const report = await harness.services.intel.lookup('Lumora Analytics', { types: ['executives'] });
    expect(report.partial).toEqual([]);
    expect(report.executives.map((e) => e.name)).toEqual(expect.arrayContaining(['Jane Okafor', 'Marcus Lindqvist']));
    expect(report.run.steps.find((s) => s.component === 'executives')?.providerCalls).toBe(6); // three searches + three model attempts
    const call = anthropic.calls().at(-1)!;
    expect(call.headers).toMatchObject({ 'x-api-key': FAKE_ANTHROPIC_KEY, 'anthropic-version': '2023-06-01' });
    // The default model takes a JSON schema as its output format, and may write up to its own limit.
    expect(call.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      output_config: { format: { type: 'json_schema', schema: { type: 'object' } } },
    });
    expect((call.body as { max_tokens: number }).max_tokens).toBeGreaterThan(2048);
  });

  it('reports a text answer instead of the tool call, off-schema input and a bad key as typed errors', async () => {
    const schema = z.object({ ok: z.boolean() });
    const request = {
      instruction: 'x',
      documents: [{ index: 1, title: 't', text: 'Hello.' }],
      schema,
      schemaName: 'answer',
    };
    let reply: string | Record<string, unknown> = 'I cannot use tools today.';
    anthropic = await track(startFakeAnthropic({ model: () => reply }));
    const extractor = (key: string) =>
      llmClient('anthropic', { baseUrl: anthropic.baseUrl, model: 'claude-3-haiku-20240307', apiKey: async () => key });
    const text = await extractor(FAKE_ANTHROPIC_KEY).extract(request);
    expect(!text.ok && text.error).toMatchObject({
      kind: 'invalid_response',
      message: expect.stringMatching(/not JSON/),
    });
    // A model without a JSON output format is made to call one tool whose input is the answer.
    expect(anthropic.calls()[0]!.body).toMatchObject({
      tool_choice: { type: 'any' },
      tools: [{ name: 'json', input_schema: { type: 'object' } }],
    });
    reply = { ok: 'yes' };
    const offSchema = await extractor(FAKE_ANTHROPIC_KEY).extract(request);
    expect(!offSchema.ok && offSchema.error.kind).toBe('invalid_response');
    const denied = await extractor('sk-ant-wrong').extract(request);
    expect(!denied.ok && denied.error).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/401: invalid x-api-key/),
    });
    expect(JSON.stringify(denied)).not.toContain('sk-ant-wrong');
    reply = { ok: true };
    expect(await extractor(FAKE_ANTHROPIC_KEY).extract(request)).toMatchObject({ ok: true, data: { ok: true } });
  });
});
