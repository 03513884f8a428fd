import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../src/core/ipc/contract';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { logUnexpectedErrors } from '../../src/core/log/handler-errors';
import { createFileLogger } from '../../src/core/log/logger';
import { Redactor } from '../../src/core/log/redactor';
import { TavilyProvider } from '../../src/core/providers/tavily';
import { EncryptedFileSecretStore, type StringCipher } from '../../src/core/secrets/encrypted-file-store';
import { withSecretsRedacted } from '../../src/core/secrets/redacting-store';
import { listingNoneWhenUnavailable } from '../../src/core/secrets/secret-store';
import { createAppServices } from '../../src/core/services/app-services';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import { tempDir } from '../support/temp-dir';

/** Stands in for Electron's safeStorage: AES-256-GCM under a key that lives only in memory, like the OS's. */
function memoryKeyCipher(): StringCipher {
  const key = randomBytes(32);
  return {
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(blob) {
      const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      decipher.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** A loopback server speaking Tavily's /search wire format; it records the Authorization headers it sees. */
async function tavilyServer() {
  const authorizations: string[] = [];
  const server = http.createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    authorizations.push(authorization);
    request.resume().on('end', () => {
      response.setHeader('content-type', 'application/json');
      if (request.url !== '/search') return response.writeHead(404).end('{}');
      response.end(
        JSON.stringify({
          query: 'acme gmbh',
          results: [{ title: 'Acme GmbH', url: 'https://acme.example/', content: 'Acme makes anvils.', score: 0.9, raw_content: null }],
          response_time: 0.1,
          usage: { credits: 1 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, authorizations, close: () => new Promise((r) => server.close(r)) };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Read-only channels: those that only look (status, get, list, ...), called with no request or an empty one. */
const READ_ONLY_ACTION = /^(get|status|list|show|read|search|find|history|count|summary)/;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('an API key used for a real request leaves no trace', () => {
  it('appears in no file of the data folder, no log line and no IPC response', async () => {
    const key = `tvly-dev-${randomBytes(16).toString('hex')}`;
    const dataDir = tempDir();
    const redactor = new Redactor();
    const log = createFileLogger(dataDir, redactor);
    const secrets = withSecretsRedacted(listingNoneWhenUnavailable(new EncryptedFileSecretStore(path.join(dataDir, 'secrets.enc.json'), memoryKeyCipher())), redactor);
    const services = createAppServices({ dataDir, settingsBackend: openConfBackend(dataDir), secrets, env: {} });
    cleanups.push(() => services.close());
    const server = await tavilyServer();
    cleanups.push(server.close);
    const handlers = logUnexpectedErrors(createHandlers(services), log);
    const responses: unknown[] = [];

    // The key goes in through the IPC channel the settings screen uses.
    responses.push(await dispatch(handlers, 'keys:set', { provider: 'tavily', key }));
    responses.push(await dispatch(handlers, 'settings:update', { providers: { tavily: { baseUrl: server.baseUrl, enabled: true } } }));

    // A run uses it: a real HTTP request over loopback with the key as a Bearer token.
    const tavily = new TavilyProvider({ baseUrl: services.effectiveSettings().providers.tavily.baseUrl, apiKey: () => services.secrets.get('tavily') });
    const result = await tavily.search({ query: 'acme gmbh' });
    expect(result.ok).toBe(true);
    expect(server.authorizations).toEqual([`Bearer ${key}`]);

    // Something goes wrong with the key in the error text, as a careless library might report it.
    log.warn(`Tavily request failed with headers { authorization: 'Bearer ${key}' }`);
    log.error('provider call failed', new Error(`rejected key ${key}`, { cause: new Error(`echo ${key}`) }));

    // Every read-only channel, as the renderer would call it.
    const called: string[] = [];
    for (const channel of Object.keys(contract)) {
      if (!READ_ONLY_ACTION.test(channel.split(':').at(-1) ?? '')) continue;
      let response = await dispatch(handlers, channel, undefined);
      if (!response.ok && response.error.code === 'invalid_request') response = await dispatch(handlers, channel, {});
      if (!response.ok && response.error.code === 'invalid_request') continue;
      called.push(channel);
      responses.push(response);
    }
    expect(called).toEqual(expect.arrayContaining(['system:status', 'settings:get', 'keys:status']));
    expect(responses).toContainEqual({ ok: true, data: expect.objectContaining({ tavily: true }) });
    for (const response of responses) expect(JSON.stringify(response)).not.toContain(key);

    services.close();
    const logText = fs.readFileSync(log.file, 'utf8');
    expect(logText).toContain('[redacted]');
    const files = filesUnder(dataDir);
    expect(files).toEqual(expect.arrayContaining([log.file, path.join(dataDir, 'secrets.enc.json'), path.join(dataDir, 'config.json'), services.databaseFile]));
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(Buffer.from(key, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(key, 'utf16le')), file).toBe(false);
      expect(bytes.includes(Buffer.from(key.slice(5), 'utf8')), `${file} holds the key without its prefix`).toBe(false);
    }
  });
});
