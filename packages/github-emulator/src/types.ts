/** Options for {@link startGithubEmulator}. */
export interface GithubEmulatorOptions {
  /**
   * Bare repos live at `<dataDir>/repos/<owner>/<repo>.git`; metadata (pulls,
   * labels, reviewers, repo settings, counters) is persisted as JSON in
   * `<dataDir>/metadata.json`, so a new emulator on the same dataDir sees
   * everything.
   */
  dataDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (random). */
  port?: number;
  /** Accepted tokens; if omitted any non-empty token is accepted. */
  tokens?: string[];
  /** The authenticated user's login (for /user and PR authors); default 'gitops-bot'. */
  login?: string;
  /** GitHub Apps whose JWTs are accepted and whose installations issue tokens. */
  apps?: GithubAppRegistration[];
}

/** A GitHub App the emulator knows: its key verifies the App's JWTs (RS256). */
export interface GithubAppRegistration {
  appId: number;
  /** Default `app-<appId>`; commits and PRs are made by `<slug>[bot]`. */
  slug?: string;
  /** Also accepted as the JWT `iss`, as GitHub does. */
  clientId?: string;
  /** PEM; only its public half is kept. Give this or `publicKey`. */
  privateKey?: string;
  /** PEM (SPKI or PKCS#1). */
  publicKey?: string;
  /**
   * Accounts (organizations or the emulator's user) the App is installed on;
   * with `repositories` the installation sees only those repositories.
   */
  installations?: Array<string | GithubAppInstallationSpec>;
}

export interface GithubAppInstallationSpec {
  account: string;
  repositories?: string[];
}

/** What {@link GithubEmulator.registerApp} answers: the installation ids. */
export interface RegisteredGithubApp {
  appId: number;
  slug: string;
  installations: Array<{ id: number; account: string }>;
}

export interface CreateRepoOptions {
  defaultBranch?: string;
  /** Files of the initial commit (path -> utf-8 content); no commit if omitted. */
  files?: Record<string, string>;
  message?: string;
  private?: boolean;
}

export interface GithubEmulator {
  /** http://127.0.0.1:<port>; the API is served at `/` and `/api/v3`. */
  readonly url: string;
  /** `${url}/api/v3`, what Backstage's github integration `apiBaseUrl` would use. */
  readonly apiUrl: string;
  /** Smart-HTTP clone URL `${url}/<owner>/<repo>.git`. */
  gitUrl(owner: string, repo: string): string;
  /** The bare repository on disk (for `git clone <path>`). */
  repoPath(owner: string, repo: string): string;
  createRepo(
    owner: string,
    repo: string,
    opts?: CreateRepoOptions,
  ): Promise<void>;
  /** Registers (or replaces) a GitHub App; replacing revokes its tokens. */
  registerApp(app: GithubAppRegistration): RegisteredGithubApp;
  /** Registers a fault; returns its id. */
  addFault(fault: GithubFault): string;
  /** Removes one fault, or all of them without an id. */
  clearFaults(id?: string): void;
  close(): Promise<void>;
}

export type GithubFaultKind =
  /** 403 + retry-after + GitHub's "You have exceeded a secondary rate limit" message. */
  | { type: 'secondary-rate-limit'; retryAfterSeconds?: number }
  /** 403 + x-ratelimit-remaining: 0 + x-ratelimit-reset. */
  | { type: 'primary-rate-limit'; resetInSeconds?: number }
  /** Any status, e.g. 500/502/503/401. */
  | { type: 'status'; status: number; message?: string }
  /** Performs the request for real, then answers 5xx (default 502). */
  | { type: 'error-after-write'; status?: number };

export type GithubFault = {
  match?: {
    method?: string;
    /** Substring of, or RegExp source matched against, the URL path. */
    path?: string;
  };
  /** How many matching requests fail; default 1. Infinity or a negative number: every one. */
  times?: number;
} & GithubFaultKind;
