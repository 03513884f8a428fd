/** Whether a base URL points at this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackUrl(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

/**
 * A provider base URL the app may send a key to: https, or plain http only to this machine (Ollama, LM
 * Studio, a test server), where nothing crosses the network in clear text.
 */
export function isSecureBaseUrl(baseUrl: string): boolean {
  try {
    const { protocol } = new URL(baseUrl);
    return protocol === 'https:' || (protocol === 'http:' && isLoopbackUrl(baseUrl));
  } catch {
    return false;
  }
}
