import { spawn } from 'node:child_process';
import { IncomingMessage, ServerResponse } from 'node:http';
import { isolatedGitEnv } from '../git/run';

/** `/<owner>/<repo>.git/<service path>`, what `git clone http://...` asks for. */
const GIT_PATH = /^\/([^/]+)\/([^/]+)\.git(\/.*)$/;

export interface GitPath {
  owner: string;
  repo: string;
}

export function parseGitPath(path: string): GitPath | null {
  const match = GIT_PATH.exec(path);
  return match ? { owner: match[1], repo: match[2] } : null;
}

/** A push: the receive-pack advertisement or the receive-pack itself. */
export function isPush(path: string, query: URLSearchParams): boolean {
  return (
    path.endsWith('/git-receive-pack') ||
    (path.endsWith('/info/refs') && query.get('service') === 'git-receive-pack')
  );
}

export interface GitBackendRequest {
  /** `<dataDir>/repos`, the root PATH_INFO is resolved against. */
  projectRoot: string;
  /** The raw path, e.g. `/acme/config.git/info/refs`. */
  pathInfo: string;
  query: string;
  remoteUser: string;
}

function cgiEnv(
  request: IncomingMessage,
  target: GitBackendRequest,
): Record<string, string> {
  const env: Record<string, string> = {
    GIT_PROJECT_ROOT: target.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: target.pathInfo,
    QUERY_STRING: target.query,
    REQUEST_METHOD: request.method ?? 'GET',
    CONTENT_TYPE: request.headers['content-type'] ?? '',
    REMOTE_USER: target.remoteUser,
    REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    // Pushing over HTTP is off by default; enable it without touching repo config.
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: 'true',
  };
  const length = request.headers['content-length'];
  if (length) env.CONTENT_LENGTH = length;
  const encoding = request.headers['content-encoding'];
  if (encoding) env.HTTP_CONTENT_ENCODING = encoding;
  const protocol = request.headers['git-protocol'];
  if (typeof protocol === 'string') env.HTTP_GIT_PROTOCOL = protocol;
  return env;
}

/** Splits CGI output into status, headers and the rest of the body. */
function parseCgiHead(head: string): {
  status: number;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 200;
    else headers[name] = value;
  }
  return { status, headers };
}

/**
 * Runs `git http-backend` as a CGI program for one request. With `response`
 * null the output is discarded (the request still takes effect); resolves
 * with the HTTP status git answered.
 */
export function serveGitBackend(
  request: IncomingMessage,
  response: ServerResponse | null,
  target: GitBackendRequest,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['http-backend'], {
      env: isolatedGitEnv(cgiEnv(request, target)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let pending: Buffer = Buffer.alloc(0);
    let status = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      if (status !== 0) {
        response?.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const text = pending.toString('latin1');
      const end = text.search(/\r?\n\r?\n/);
      if (end === -1) return;
      const separator = /\r?\n\r?\n/.exec(text.slice(end))![0].length;
      const head = parseCgiHead(text.slice(0, end));
      status = head.status;
      response?.writeHead(head.status, head.headers);
      response?.write(pending.subarray(end + separator));
    });
    const stderr: Buffer[] = [];
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // the backend may stop reading on a bad request
    child.on('close', code => {
      if (status === 0) {
        status = 500;
        const message =
          Buffer.concat(stderr).toString('utf8').trim() ||
          `git http-backend exited with ${code}`;
        response?.writeHead(500, { 'content-type': 'text/plain' });
        response?.write(message);
      }
      response?.end();
      resolve(status);
    });
    request.pipe(child.stdin);
  });
}
