/**
 * A counting HTTP proxy in front of one emulated cluster. The emulator has no request counter, so the
 * reconciler is pointed at this proxy instead: every request it sends to "the Kubernetes API" (discovery,
 * list pages, watch (re)starts) is counted here before being piped through unchanged (watch bodies stream).
 */
import http from 'node:http';

export interface CountingProxy {
  url: string;
  /** Requests seen so far, by a coarse kind (watch / list / get / discovery). */
  counts: Record<string, number>;
  /** The path (without query) of every watch request, in order. */
  watchPaths: string[];
  total(): number;
  close(): Promise<void>;
}

function classify(path: string): string {
  const [pathname, query = ''] = path.split('?');
  if (/(^|&)watch=(true|1)/.test(query)) return 'watch';
  // /apis, /apis/<g>, /apis/<g>/<v>, /api, /api/v1 are discovery documents.
  if (/^\/(apis?)(\/[^/]+){0,2}\/?$/.test(pathname) || pathname === '/')
    return 'discovery';
  return /(^|&)(limit|continue)=/.test(query) ? 'list' : 'get';
}

export async function startCountingProxy(
  target: string,
): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts: Record<string, number> = {};
  const watchPaths: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const kind = classify(req.url ?? '/');
    counts[kind] = (counts[kind] ?? 0) + 1;
    if (kind === 'watch') watchPaths.push((req.url ?? '/').split('?')[0]);
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    // The reconciler aborting a watch must also end the upstream watch.
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    watchPaths,
    total: () => Object.values(counts).reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
