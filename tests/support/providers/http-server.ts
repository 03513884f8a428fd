import { setTimeout as delay } from 'node:timers/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  /** `performance.now()` when the request arrived: lets tests count requests per time window. */
  receivedAt: number;
}

/** A scripted answer: status, headers, a JSON body or raw text, after an optional delay. */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim instead of `body` (for malformed JSON). */
  rawBody?: string;
  delayMs?: number;
}

export interface LoopbackServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server that records every JSON request and answers through `handle`. */
export async function startJsonServer(
  handle: (request: RecordedRequest) => ScriptedResponse | Promise<ScriptedResponse>,
  basePath = '',
): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // keep the raw text: the handler can answer 400 as the real service would
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').replace(basePath, '') || '/',
        headers: req.headers,
        body,
        receivedAt: performance.now(),
      };
      requests.push(recorded);
      void Promise.resolve(handle(recorded)).then(async (answer) => {
        if (answer.delayMs) await delay(answer.delayMs);
        if (res.destroyed) return;
        const payload = answer.rawBody ?? JSON.stringify(answer.body ?? {});
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
        res.end(payload);
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
