import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { errorMessage } from '../../lib/errorMessage';
import { KubeClient, KubeRequestError, WatchEvent, WatchHandle } from './types';

/** How long a plain GET (discovery, one list page) may take. */
const REQUEST_TIMEOUT_MS = 30_000;

type Query = Record<string, string | number | boolean | undefined>;

function buildUrl(server: string, path: string, query: Query = {}): URL {
  const url = new URL(server.replace(/\/$/, '') + path);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Reads a non-2xx answer the way kube-apiserver shapes it (a `Status` object). */
function statusError(
  res: http.IncomingMessage,
  body: string,
): KubeRequestError {
  let message = `HTTP ${res.statusCode}`;
  let reason: string | undefined;
  try {
    const status = JSON.parse(body);
    if (typeof status?.message === 'string') message = status.message;
    if (typeof status?.reason === 'string') reason = status.reason;
  } catch {
    // not JSON: keep the HTTP status line
  }
  return new KubeRequestError(
    message,
    res.statusCode,
    retryAfter(res.headers['retry-after']),
    reason,
  );
}

function networkError(error: unknown): KubeRequestError {
  return new KubeRequestError(errorMessage(error));
}

/**
 * A read-only transport for one cluster: the KubeConfig (client-node) supplies
 * TLS and credentials; node:http(s) carries the requests, so the caller sees
 * status codes, `Retry-After` and the stream itself (which client-node's
 * `Watch` hides).
 */
export function createKubeClient(kc: KubeConfig): KubeClient {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error('The kubeconfig has no current cluster');

  async function open(
    url: URL,
    signal: AbortSignal,
  ): Promise<{ req: http.ClientRequest; res: http.IncomingMessage }> {
    const options: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(options);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        url,
        {
          ...options,
          method: 'GET',
          headers: { ...options.headers, Accept: 'application/json' },
          signal,
        },
        res => resolve({ req, res }),
      );
      req.on('error', error => reject(networkError(error)));
      req.end();
    });
  }

  function readBody(res: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      // Decoded chunk by chunk: a list page is MBs, and one Buffer of its size per page would leave
      // the allocator's heap grown (and its mmap threshold raised) long after the cold start.
      res.setEncoding('utf8');
      const chunks: string[] = [];
      res.on('data', (chunk: string) => chunks.push(chunk));
      res.on('end', () => resolve(chunks.join('')));
      res.on('error', error => reject(networkError(error)));
      // A connection cut mid-body must fail the request, never leave it pending.
      res.on('close', () => {
        if (!res.complete) reject(networkError(new Error('connection closed')));
      });
    });
  }

  return {
    async getJson(path, query, signal) {
      const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const { res } = await open(buildUrl(server, path, query), combined);
      const body = await readBody(res);
      const code = res.statusCode ?? 0;
      if (code < 200 || code >= 300) throw statusError(res, body);
      try {
        return JSON.parse(body);
      } catch (error) {
        throw new KubeRequestError(`Invalid JSON from ${path}`, code);
      }
    },

    async watch(path, query, onEvent, signal): Promise<WatchHandle> {
      const controller = new AbortController();
      const abortOpening = () => controller.abort();
      signal?.addEventListener('abort', abortOpening);
      if (signal?.aborted) controller.abort();
      // Until the headers arrive the watch is a plain request with a timeout;
      // after that the caller's idle timer takes over.
      const headerTimer = setTimeout(
        () => controller.abort(),
        REQUEST_TIMEOUT_MS,
      );
      const { req, res } = await open(
        buildUrl(server, path, { ...query, watch: 'true' }),
        controller.signal,
      ).finally(() => {
        clearTimeout(headerTimer);
        signal?.removeEventListener('abort', abortOpening);
      });
      if (res.statusCode !== 200) {
        const body = await readBody(res);
        throw statusError(res, body);
      }
      let aborted = false;
      const done = new Promise<void>((resolve, reject) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const line = buffer.slice(0, newline).trim();
            buffer = buffer.slice(newline + 1);
            let event: WatchEvent | undefined;
            try {
              event = line ? (JSON.parse(line) as WatchEvent) : undefined;
            } catch {
              // a line that is not JSON is skipped, never fatal
            }
            if (event && typeof event === 'object') onEvent(event);
            newline = buffer.indexOf('\n');
          }
        });
        res.on('end', () => resolve());
        const fail = (error: unknown) =>
          aborted ? resolve() : reject(networkError(error));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('watch connection reset')));
        req.on('error', fail);
        res.on('close', () =>
          res.complete || aborted
            ? resolve()
            : reject(networkError(new Error('watch connection closed'))),
        );
      });
      return {
        done,
        abort() {
          aborted = true;
          controller.abort();
          req.destroy();
        },
      };
    },
  };
}
