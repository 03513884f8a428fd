import { afterEach, describe, expect, it } from 'vitest';
import { PROVIDERS, SECRET_VARIABLES } from '../../src/core/providers/registry';
import { defaultSettings, settingsPatchSchema } from '../../src/core/settings/schema';
import { withEnvironmentOverrides } from '../../src/core/settings/settings-service';
import { EnvOverrideSecretStore } from '../../src/core/secrets/env-store';
import {
  keyBindingFor,
  keysForConfirmedBaseUrls,
  KEY_DESTINATIONS_FILE_NAME,
} from '../../src/core/secrets/key-destinations';
import { readProviderFile } from '../../src/core/secrets/provider-file';
import { testConnection } from '../../src/core/ipc/handlers/connection-test';
import { startFakeTavily, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { startJsonServer, type LoopbackServer } from '../support/providers/http-server';
import { MemorySecretStore } from '../support/memory-secrets';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import type { AppServices } from '../../src/core/services/app-services';
import path from 'node:path';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function services(secrets = new MemorySecretStore(), env: NodeJS.ProcessEnv = {}): AppServices {
  const created = testServices({ secrets, env });
  cleanups.push(() => created.close());
  return created;
}

async function server(...args: Parameters<typeof startJsonServer>): Promise<LoopbackServer> {
  const started = await startJsonServer(...args);
  cleanups.push(() => started.close());
  return started;
}

describe('the provider registry', () => {
  it('gives every provider its settings block, default rate limit and environment variable', () => {
    const settings = defaultSettings();
    expect(Object.keys(settings.providers)).toEqual(PROVIDERS.map((p) => p.id));
    expect(Object.keys(settings.rateLimits)).toEqual(PROVIDERS.map((p) => p.id));
    for (const provider of PROVIDERS) expect(settings.rateLimits[provider.id]).toEqual(provider.rateLimit);
    expect(settings.providers.groq).toEqual({
      baseUrl: 'https://api.groq.com/openai/v1',
      model: 'llama-3.3-70b-versatile',
      enabled: true,
    });
    // A webhook's address is a secret: its settings block has no base URL to put it in.
    expect(settings.providers.slack).toEqual({ enabled: true });
    expect(
      settingsPatchSchema.safeParse({ providers: { slack: { baseUrl: 'https://hooks.slack.com/services/T/B/x' } } })
        .success,
    ).toBe(false);
    expect(new Set(Object.values(SECRET_VARIABLES)).size).toBe(PROVIDERS.length);
  });

  it('reads a webhook address from its environment variable, and applies base URL overrides only to providers that have one', async () => {
    const store = new EnvOverrideSecretStore(new MemorySecretStore(), {
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/abc',
    });
    expect(await store.get('slack')).toBe('https://hooks.slack.com/services/T0/B0/abc');
    expect((await store.configured()).slack).toBe(true);
    const overridden = withEnvironmentOverrides(defaultSettings(), {
      GROQ_BASE_URL: 'http://127.0.0.1:9/v1',
      SLACK_BASE_URL: 'https://elsewhere.example',
    });
    expect(overridden.providers.groq.baseUrl).toBe('http://127.0.0.1:9/v1');
    expect(overridden.providers.slack).toEqual({ enabled: true });
  });

  it('stores a webhook address only if it is https (or this machine), never echoing it, and confirms no base URL for it', async () => {
    const dataDir = tempDir();
    const binding = keyBindingFor(dataDir, defaultSettings, defaultSettings);
    const store = keysForConfirmedBaseUrls(new MemorySecretStore(), binding);
    const plain = 'http://hooks.example.com/services/T0/B0/secret-token';
    await expect(store.set('slack', plain)).rejects.toThrow(
      /Slack-compatible webhook address must be an https URL \(plain http only for this machine\); nothing was stored/,
    );
    await expect(store.set('slack', plain)).rejects.not.toThrow(/secret-token/);
    await expect(store.set('webhook', 'not a url')).rejects.toThrow(/https/);
    expect((await store.configured()).slack).toBe(false);

    await store.set('slack', 'https://hooks.slack.com/services/T0/B0/secret-token');
    await store.set('webhook', 'http://127.0.0.1:8080/hook');
    expect(await store.get('webhook')).toBe('http://127.0.0.1:8080/hook');
    await store.set('tavily', 'tvly-key');
    expect(Object.keys(readProviderFile(path.join(dataDir, KEY_DESTINATIONS_FILE_NAME)))).toEqual(['tavily']);
  });
});

describe('the connection test, from each provider’s own health check', () => {
  it('runs Tavily’s one-result search against its wire format', async () => {
    const tavily = await startFakeTavily();
    cleanups.push(() => tavily.close());
    const secrets = new MemorySecretStore();
    await secrets.set('tavily', FAKE_TAVILY_KEY);
    const result = await testConnection(services(secrets, { TAVILY_BASE_URL: tavily.baseUrl }), 'tavily');
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^Connected in \d+ ms\.$/) });
    expect(tavily.requests.map((r) => [r.path, (r.body as { max_results: number }).max_results])).toEqual([
      ['/search', 1],
    ]);
  });

  it('posts a test message in Slack’s incoming-webhook shape, and explains a refusal in its own words', async () => {
    let status = 200;
    const receiver = await server(() => ({ status, rawBody: status === 200 ? 'ok' : 'invalid_token' }));
    const secrets = new MemorySecretStore();
    await secrets.set('slack', `${receiver.baseUrl}/services/T0/B0/token`);
    const app = services(secrets);
    expect(await testConnection(app, 'slack')).toMatchObject({ ok: true });
    expect(receiver.requests[0]).toMatchObject({
      method: 'POST',
      path: '/services/T0/B0/token',
      body: { text: expect.stringContaining('connection test'), blocks: [{ type: 'section' }] },
    });

    status = 403;
    expect(await testConnection(app, 'slack')).toEqual({
      ok: false,
      kind: 'auth',
      message: expect.stringMatching(/refused/),
    });
    expect(await testConnection(app, 'webhook')).toMatchObject({
      ok: false,
      kind: 'auth',
      message: expect.stringMatching(/No address is set/),
    });
  });
});
