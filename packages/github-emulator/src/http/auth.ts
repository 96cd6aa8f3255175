import { looksLikeJwt, JWT_ERRORS, verifyAppJwt } from '../apps/jwt';
import { AppRecord } from '../apps/records';
import { AppRegistry } from '../apps/registry';
import { Actor } from './actor';
import { ApiError } from './api';

export interface AuthOptions {
  apps: AppRegistry;
  /** Accepted tokens; undefined accepts any non-empty token. */
  tokens?: string[];
  login: string;
}

/** The login GitHub shows for what an App does. */
export function botLogin(app: AppRecord): string {
  return `${app.slug}[bot]`;
}

const badCredentials = () => new ApiError(401, 'Bad credentials');
const notForIntegrations = () =>
  new ApiError(403, 'Resource not accessible by integration');

/** Resolves a bearer/basic credential to an actor, or answers 401 like GitHub. */
export function authenticate(
  token: string | undefined,
  options: AuthOptions,
): Actor {
  if (!token) throw badCredentials();
  if (looksLikeJwt(token)) {
    const issuer = verifyAppJwt(
      token,
      iss => options.apps.appByIssuer(iss)?.publicKey,
    );
    const app = options.apps.appByIssuer(issuer)!;
    return { kind: 'app', login: botLogin(app), app };
  }
  const installed = options.apps.lookupToken(token);
  if (installed) {
    return {
      kind: 'installation',
      login: botLogin(installed.app),
      app: installed.app,
      installation: installed.installation,
      repositories: installed.issued.repositories,
    };
  }
  if (options.tokens && !options.tokens.includes(token)) throw badCredentials();
  return { kind: 'user', login: options.login };
}

/** Endpoints only an App's JWT may call. */
const APP_ONLY = [
  /^\/app(?:\/|$)/,
  /^\/(?:repos\/[^/]+\/[^/]+|orgs\/[^/]+|users\/[^/]+)\/installation$/,
];

/** The repository a path is about: `/repos/{o}/{r}/...` or a git path. */
const REPO_PATH = /^\/(?:repos\/)?([^/]+)\/([^/]+?)(?:\.git)?(?:\/|$)/;

/**
 * What each kind of actor may reach, as GitHub answers it: App JWTs only the
 * App endpoints; installation tokens only their account's (selected)
 * repositories, with other repositories hidden (404).
 */
export function authorize(actor: Actor, path: string, isGit: boolean): void {
  const appOnly = APP_ONLY.some(pattern => pattern.test(path));
  if (appOnly !== (actor.kind === 'app')) {
    if (appOnly) throw new ApiError(401, JWT_ERRORS.undecodable);
    throw isGit ? badCredentials() : notForIntegrations();
  }
  if (actor.kind !== 'installation') return;
  const account = actor.installation.account.toLowerCase();
  if (path === '/user' || path.startsWith('/user/')) throw notForIntegrations();
  const org = /^\/orgs\/([^/]+)\//.exec(path);
  if (org && org[1].toLowerCase() !== account) throw notForIntegrations();
  const repo =
    isGit || path.startsWith('/repos/') ? REPO_PATH.exec(path) : null;
  if (!repo) return;
  const visible =
    repo[1].toLowerCase() === account &&
    (!actor.repositories || actor.repositories.includes(repo[2]));
  if (!visible) {
    throw isGit
      ? new ApiError(404, 'Repository not found.')
      : new ApiError(404, 'Not Found');
  }
}
