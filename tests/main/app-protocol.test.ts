import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeElectron } from './fake-electron';
import { electronModuleProxy } from './mock-electron';
import { tempDir } from '../support/temp-dir';

const state = vi.hoisted(() => ({ fake: undefined as FakeElectron | undefined }));
vi.mock('electron', () => electronModuleProxy(() => state.fake));

const { resolveAppFile, serveAppProtocol } = await import('../../src/main/app-protocol');
const { contentSecurityPolicy } = await import('../../src/main/csp');
const { applyCspHeader } = await import('../../src/main/hardening');

/** A data folder with a renderer build inside and a secret file right next to it. */
function layout() {
  const root = tempDir();
  const renderer = path.join(root, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  return { root, renderer };
}

describe('app:// protocol', () => {
  const csp = contentSecurityPolicy();
  let serve: (url: string) => Promise<Response>;
  let renderer: string;

  beforeEach(() => {
    state.fake = createFakeElectron({ userData: tempDir(), appPath: tempDir() });
    ({ renderer } = layout());
    serveAppProtocol(renderer, csp);
    const handler = state.fake.protocolHandlers.get('app')!;
    serve = (url) => handler({ url });
  });

  it('serves the renderer build with its content type and the CSP header', async () => {
    const index = await serve('app://renderer/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toBe(csp);
    expect(await index.text()).toContain('<title>app</title>');
    const script = await serve('app://renderer/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%2f..%2fsecret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/%00index.html',
    'app://elsewhere/index.html',
    'app://renderer/missing.js',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses encoded traversal before touching the file system', () => {
    expect(resolveAppFile(renderer, 'app://renderer/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(renderer, 'app://renderer/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(renderer, 'app://renderer/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(renderer, 'app://renderer/assets/app.js')).toBe(path.join(renderer, 'assets', 'app.js'));
  });
});

describe('Content-Security-Policy', () => {
  it('allows only the app’s own scripts in production: no eval, no inline script, no plugins, no framing', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('in development adds only what Vite needs (inline preamble and styles, the hot-reload socket), never eval', () => {
    const policy = contentSecurityPolicy('http://localhost:5173/');
    expect(policy).toMatch(/connect-src 'self' ws:\/\/localhost:5173/);
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it('replaces any CSP header of dev-server responses with the app’s own', () => {
    state.fake = createFakeElectron({ userData: tempDir(), appPath: tempDir() });
    const session = state.fake.defaultSession;
    applyCspHeader(session as never, "default-src 'self'");
    const callback = vi.fn();
    session.headersListener!(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] },
    });
  });
});
