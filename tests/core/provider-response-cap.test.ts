import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EXTRACT_RESPONSE_CAP, postJson, SEARCH_RESPONSE_CAP } from '../../src/core/providers/http';
import { TavilyProvider } from '../../src/core/providers/tavily';
import { llmClient } from '../../src/core/providers/llm-choice';

/** A loopback server whose reply never ends: 64 KB chunks of a JSON string, sent as fast as the client reads. */
async function startEndlessServer(options: { declareLength?: number } = {}) {
  const sockets = new Set<Socket>();
  let bytesSent = 0;
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(options.declareLength ? { 'content-length': String(options.declareLength) } : {}),
      });
      res.write('{"query":"');
      const pump = () => {
        while (!res.destroyed && bytesSent < 4 * 1024 ** 3) {
          bytesSent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bytesSent: () => bytesSent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

let server: Awaited<ReturnType<typeof startEndlessServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('provider reply size cap', () => {
  it('stops reading an endless reply at the cap and reports invalid_response, without growing memory', async () => {
    server = await startEndlessServer();
    const before = process.memoryUsage();
    const started = performance.now();
    const outcome = await postJson(
      { url: `${server.baseUrl}/search`, headers: {}, body: {}, label: 'Tavily', maxResponseBytes: 1024 * 1024 },
      z.object({}),
    );
    const elapsed = performance.now() - started;
    const after = process.memoryUsage();

    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'invalid_response',
        message: 'Tavily sent a reply over the 1 MB cap; it was cut off and not used.',
      },
    });
    expect(elapsed).toBeLessThan(2000);
    // The server would send 4 GB; the client closed the connection soon after the first MB.
    expect(server.bytesSent()).toBeLessThan(64 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(100 * 1024 * 1024);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses a reply whose Content-Length already passes the cap, before reading it', async () => {
    server = await startEndlessServer({ declareLength: 600 * 1024 * 1024 });
    const outcome = await postJson(
      { url: `${server.baseUrl}/search`, headers: {}, body: {}, label: 'OpenAI', maxResponseBytes: 2 * 1024 * 1024 },
      z.object({}),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toEqual({
      kind: 'invalid_response',
      message: 'OpenAI sent a reply over the 2 MB cap; it was cut off and not used.',
    });
  });

  it('gives Tavily search its few-MB cap: the call ends with invalid_response and the process carries on', async () => {
    server = await startEndlessServer();
    const tavily = new TavilyProvider({
      baseUrl: server.baseUrl,
      apiKey: () => Promise.resolve('tvly-test-key-0123456789'),
    });
    const result = await tavily.search({ query: 'acme' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid_response');
    expect(result.error.message).toBe(
      `Tavily sent a reply over the ${SEARCH_RESPONSE_CAP / 1024 / 1024} MB cap; it was cut off and not used.`,
    );
    expect(server.bytesSent()).toBeLessThan(SEARCH_RESPONSE_CAP + 64 * 1024 * 1024);
  });

  it('gives LLM replies their cap too: an endless or oversized answer ends as invalid_response', async () => {
    const request = { instruction: 'x', documents: [], schema: z.object({ ok: z.boolean() }), schemaName: 'answer' };
    server = await startEndlessServer();
    const openai = await llmClient('openai', {
      baseUrl: server.baseUrl,
      model: 'gpt-4o-mini',
      apiKey: async () => 'sk-test',
    }).extract(request);
    expect(!openai.ok && openai.error).toEqual({
      kind: 'invalid_response',
      message: `OpenAI sent a reply over the ${EXTRACT_RESPONSE_CAP / 1024 / 1024} MB cap; it was cut off and not used.`,
    });
    expect(server.bytesSent()).toBeLessThan(EXTRACT_RESPONSE_CAP + 64 * 1024 * 1024);
    await server.close();
    server = await startEndlessServer({ declareLength: 600 * 1024 * 1024 });
    const anthropic = await llmClient('anthropic', {
      baseUrl: server.baseUrl,
      model: 'claude-sonnet-4-5',
      apiKey: async () => 'sk-ant-test',
    }).extract(request);
    expect(!anthropic.ok && anthropic.error).toMatchObject({
      kind: 'invalid_response',
      message: expect.stringMatching(/^Anthropic sent a reply over the/),
    });
  });
});
