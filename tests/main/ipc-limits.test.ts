import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../src/core/ipc/contract';
import { dispatch, type HandlerTable } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { testServices } from '../support/services';

type JsonSchema = {
  type?: string;
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  [key: string]: unknown;
};

/** Paths (within a JSON schema) of every string that has no maximum length. */
function unboundedStrings(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const own =
    node.type === 'string' && node.maxLength === undefined && node.enum === undefined && node.const === undefined
      ? [at || '(root)']
      : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => unboundedStrings(child, `${at}.${key}`))];
}

describe('IPC requests: length limits', () => {
  it.each(Object.keys(contract))('%s bounds every string it accepts (values and record keys)', (channel) => {
    const schema = z.toJSONSchema(contract[channel as keyof typeof contract].request, {
      io: 'input',
      unrepresentable: 'any',
    });
    expect(unboundedStrings(schema)).toEqual([]);
  });

  it('refuses an overlong search, name or id before any handler runs', async () => {
    const services = testServices();
    const handlers = createHandlers(services);
    const huge = 'a'.repeat(100_001);
    const requests: [string, unknown][] = [
      ['leads:list', { filter: { search: huge } }],
      ['intel:lookup', { query: huge, lookupId: 'x' }],
      ['intel:librarySearch', { query: huge }],
      ['templates:delete', { name: huge }],
      ['imports:cancel', { jobId: huge }],
      ['settings:update', { sender: { name: huge } }],
    ];
    for (const [channel, request] of requests) {
      expect(await dispatch(handlers as HandlerTable, channel, request), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    services.close();
  });
});

describe('settings:update checks its payload as it arrives', () => {
  const update = async (patch: unknown) => {
    const services = testServices();
    try {
      return {
        result: await dispatch(createHandlers(services), 'settings:update', patch),
        stored: services.settings.read(),
      };
    } finally {
      services.close();
    }
  };

  it('refuses unknown sections and fields, naming them, and stores nothing', async () => {
    for (const patch of [
      { secretBackdoor: true },
      { sender: { name: 'A', isAdmin: true } },
      { providers: { evil: { baseUrl: 'https://evil.example' } } },
    ]) {
      const { result, stored } = await update(patch);
      expect(result, JSON.stringify(patch)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringMatching(/Unrecognized key/) },
      });
      expect(stored.sender.name).toBe('');
    }
  });

  it('accepts an internationalised sender address (RFC 6531) and keeps it as typed', async () => {
    const { result, stored } = await update({ sender: { email: 'åsa.lindström@firma.example' } });
    expect(result).toMatchObject({ ok: true });
    expect(stored.sender.email).toBe('åsa.lindström@firma.example');
  });

  it('still refuses malformed sender addresses', async () => {
    for (const email of [
      'åsa.lindström',
      'a@b',
      'two@@firma.example',
      'space in@firma.example',
      '.dot@firma.example',
    ]) {
      expect((await update({ sender: { email } })).result, email).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining('sender.email') },
      });
    }
  });

  it('changes only the fields a patch names', async () => {
    const services = testServices();
    services.settings.update({ sender: { name: 'Kept', company: 'Kept Co' } });
    expect(
      await dispatch(createHandlers(services), 'settings:update', { sender: { email: 'ada@northwind.example' } }),
    ).toMatchObject({ ok: true });
    expect(services.settings.read().sender).toMatchObject({
      name: 'Kept',
      company: 'Kept Co',
      email: 'ada@northwind.example',
    });
    services.close();
  });
});
