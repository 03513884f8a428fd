import http from 'node:http';
import https from 'node:https';
import type { z } from 'zod';
import type { ProviderError } from './types';
import { Redactor } from '../log/redactor';

export interface JsonRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal?: AbortSignal;
  /** Names the provider in messages, e.g. "Tavily". */
  label: string;
  /** The largest reply body read, in bytes; past it the connection is closed. Default `DEFAULT_RESPONSE_CAP`. */
  maxResponseBytes?: number;
}

const MB = 1024 * 1024;
/**
 * Reply caps. A reply is held in memory and turned into one string, so an endless or huge reply (over 512 MB
 * V8 cannot make the string at all) would take the process down. Ten search results with raw page text stay
 * well under a few MB; /extract and LLM replies may carry whole pages and get more room.
 */
export const SEARCH_RESPONSE_CAP = 8 * MB;
export const EXTRACT_RESPONSE_CAP = 32 * MB;
export const DEFAULT_RESPONSE_CAP = SEARCH_RESPONSE_CAP;

/** Thrown inside `post` (or `cappedFetch`) when a reply passes its cap; becomes an `invalid_response`. */
export class ResponseTooLarge extends Error {
  constructor(readonly cap: number) {
    super(`response larger than ${cap} bytes`);
  }
}

export type HttpOutcome<T> = { ok: true; data: T } | { ok: false; error: ProviderError };

/** A finished HTTP exchange: status, the `Retry-After` header, and the body as text. */
export interface RawResponse {
  status: number;
  retryAfter: string | null;
  text: string;
}

/**
 * One POST over node:http(s) with the default keep-alive agents: faster than fetch (undici) per call and for
 * four at once, the shape of a lookup's parallel steps (docs/benchmarks.md, issue 16's moved figures).
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
  cap: number,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? https.request : http.request;
    const request = send(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, signal },
      (response) => {
        const chunks: Buffer[] = [];
        let received = 0;
        // Reject first, then close the socket: the errors the close raises land on a settled promise.
        const tooLarge = () => {
          reject(new ResponseTooLarge(cap));
          request.destroy();
        };
        response.on('error', reject);
        if (Number(response.headers['content-length']) > cap) return tooLarge();
        response.on('data', (chunk: Buffer) => {
          if (received > cap) return;
          received += chunk.length;
          if (received > cap) return tooLarge();
          chunks.push(chunk);
        });
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * POSTs JSON and validates the answer with zod. Every failure becomes a typed `ProviderError` whose message
 * names the provider and the status but never the request headers (where the key travels).
 */
export async function postJson<T>(
  request: JsonRequest,
  schema: z.ZodType<T>,
  statusKinds: Record<number, ProviderError['kind']> = {},
): Promise<HttpOutcome<T>> {
  const outcome = await postForText(request, statusKinds);
  if (!outcome.ok) return outcome;
  let json: unknown;
  try {
    json = JSON.parse(outcome.data);
  } catch {
    return {
      ok: false,
      error: { kind: 'invalid_response', message: `${request.label} answered with text that is not JSON.` },
    };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        kind: 'invalid_response',
        message: `${request.label} answered with an unexpected shape (${where ? `${where.path.join('.') || 'root'}: ${where.message}` : 'invalid'}).`,
      },
    };
  }
  return { ok: true, data: parsed.data };
}

/**
 * POSTs JSON and returns the reply's text (a webhook answers `ok` or nothing); failures are typed like
 * `postJson`'s.
 */
export async function postForText(
  request: JsonRequest,
  statusKinds: Record<number, ProviderError['kind']> = {},
): Promise<HttpOutcome<string>> {
  let response: RawResponse;
  try {
    const headers = { 'content-type': 'application/json', accept: 'application/json', ...request.headers };
    response = await post(
      request.url,
      headers,
      JSON.stringify(request.body),
      request.signal,
      request.maxResponseBytes ?? DEFAULT_RESPONSE_CAP,
    );
  } catch (error) {
    if (error instanceof ResponseTooLarge) return { ok: false, error: tooLargeError(error, request.label) };
    return { ok: false, error: abortOrNetwork(error, request.signal, request.label) };
  }
  if (response.status < 200 || response.status > 299)
    return { ok: false, error: statusError(response, request.label, credentialsIn(request.headers), statusKinds) };
  return { ok: true, data: response.text };
}

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function tooLargeError(error: ResponseTooLarge, label: string): ProviderError {
  return {
    kind: 'invalid_response',
    message: `${label} sent a reply over the ${formatBytes(error.cap)} cap; it was cut off and not used.`,
  };
}

/**
 * `fetch` for clients that bring their own HTTP (the AI SDK): reads the reply into memory up to `cap` bytes
 * and throws `ResponseTooLarge` past it, so an endless reply cannot take the process down.
 */
export function cappedFetch(cap: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (Number(response.headers.get('content-length')) > cap) {
      await response.body?.cancel();
      throw new ResponseTooLarge(cap);
    }
    if (!response.body) return response;
    const chunks: Uint8Array[] = [];
    let received = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > cap) {
        await reader.cancel();
        throw new ResponseTooLarge(cap);
      }
      chunks.push(value);
    }
    return new Response(Buffer.concat(chunks), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The keys a request carries in its headers. */
function credentialsIn(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([name]) => /^(authorization|x-api-key|api-key)$/i.test(name))
    .map(([, value]) => value.replace(/^Bearer\s+/i, ''));
}

/**
 * Some providers echo the key they were sent in their error text, possibly escaped or re-cased; it must not
 * travel on in our messages (the redactor decodes before it matches).
 */
function withoutCredentials(body: string, credentials: readonly string[]): string {
  const redactor = new Redactor();
  for (const credential of credentials) redactor.add(credential);
  return redactor.redactRegistered(body);
}

/** A request that ended before an answer: our timeout, the caller's cancel, or the network. */
export function abortOrNetwork(error: unknown, signal: AbortSignal | undefined, label: string): ProviderError {
  if (signal?.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    if (reason?.name === 'TimeoutError') return { kind: 'timeout', message: `${label} did not answer in time.` };
    return { kind: 'cancelled', message: `${label} request cancelled.` };
  }
  const code = (error as { code?: string }).code;
  return { kind: 'network', message: `${label} could not be reached${code ? ` (${code})` : ''}.` };
}

/** A non-2xx answer as a typed error: kind by status, the provider's own words without the key, Retry-After. */
export function statusError(
  response: RawResponse,
  label: string,
  credentials: readonly string[],
  statusKinds: Record<number, ProviderError['kind']> = {},
): ProviderError {
  const status = response.status;
  const kind = statusKinds[status] ?? defaultKind(status);
  const detail = errorDetail(withoutCredentials(response.text, credentials));
  const error: ProviderError = { kind, message: `${label} answered ${status}${detail ? `: ${detail}` : ''}.` };
  const retryAfterMs = parseRetryAfter(response.retryAfter);
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  return error;
}

function defaultKind(status: number): ProviderError['kind'] {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limit';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** The provider's own error text (`{"detail":{"error":...}}`, `{"error":{"message":...}}`), cut short. */
function errorDetail(body: string): string {
  try {
    const json = JSON.parse(body) as { detail?: unknown; error?: unknown; message?: unknown };
    const candidates = [
      (json.detail as { error?: unknown } | undefined)?.error,
      json.detail,
      (json.error as { message?: unknown } | undefined)?.message,
      json.error,
      json.message,
    ];
    const text = candidates.find((c): c is string => typeof c === 'string');
    return text ? text.slice(0, 200) : '';
  } catch {
    return '';
  }
}

/** `Retry-After` is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
