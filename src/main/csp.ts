/**
 * The renderer's Content-Security-Policy, sent as a response header with every page and asset (app://
 * in production, the Vite dev server in development). Only the app's own files may run; no eval, no
 * inline script, no plugins, no framing, no form posts; data from the network comes through `window.crm`.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  if (devServerUrl) {
    // Development only: the React refresh preamble is an inline script, Vite injects CSS as <style>
    // elements, and hot reload talks over a WebSocket to the dev server. Still no 'unsafe-eval'.
    const server = new URL(devServerUrl);
    directives['script-src']!.push("'unsafe-inline'");
    directives['style-src']!.push("'unsafe-inline'");
    directives['connect-src']!.push(`ws://${server.host}`);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
