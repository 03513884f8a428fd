import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { postJson } from '../../src/core/providers/http';
import { startJsonServer, type LoopbackServer } from '../support/providers/http-server';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('provider error messages', () => {
  it('never carry the key a provider echoes back in its error text', async () => {
    const key = 'sk-test-echoed-0123456789abcdef';
    // OpenAI-style 401 body that quotes the key it was given.
    server = await startJsonServer((request) => ({
      status: 401,
      body: {
        error: {
          message: `Incorrect API key provided: ${String(request.headers.authorization).replace('Bearer ', '')}`,
          type: 'invalid_request_error',
        },
      },
    }));
    const outcome = await postJson(
      {
        url: `${server.baseUrl}/v1/chat/completions`,
        headers: { authorization: `Bearer ${key}` },
        body: {},
        label: 'OpenAI',
      },
      z.object({}),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('auth');
    expect(outcome.error.message).toContain('Incorrect API key provided: [redacted]');
    expect(outcome.error.message).not.toContain(key);
  });
});
