import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type * as BackstageIntegration from '@backstage/integration';
import { loadOnFirstUse } from '../lib/loadOnFirstUse';

/**
 * The Octokit this library works with: `@octokit/rest` plus the throttling and retry plugins.
 *
 * @public
 */
export type GithubClient = Octokit;

const GithubOctokit = Octokit.plugin(throttling, retry);

/** Loaded on the first config lookup: a client built from a URL and token (tests, scripts) never needs it. */
const backstageIntegration = loadOnFirstUse((): typeof BackstageIntegration =>
  require('@backstage/integration'),
);

/**
 * Options shared by both ways of building a client.
 *
 * @public
 */
export interface GithubClientOptions {
  /** Receives rate-limit and retry messages; never the token. */
  logger?: LoggerService;
  /** How many times a rate-limited request is retried (default 3). */
  maxRateLimitRetries?: number;
  /** How many times a 5xx answer is retried by `@octokit/plugin-retry` (default 3). */
  maxServerErrorRetries?: number;
}

/**
 * A client for a known API URL and token (tests, scripts).
 *
 * @public
 */
export interface GithubTokenClientOptions extends GithubClientOptions {
  baseUrl: string;
  token: string;
}

/**
 * A client for the GitHub host of `repoUrl`, authenticated by the `integrations.github` config (App or token).
 *
 * @public
 */
export interface GithubIntegrationClientOptions extends GithubClientOptions {
  config: Config;
  /** Any URL on the host, e.g. `https://github.com/acme/gitops-config`. */
  repoUrl: string;
}

function isIntegrationOptions(
  options: GithubTokenClientOptions | GithubIntegrationClientOptions,
): options is GithubIntegrationClientOptions {
  return 'config' in options;
}

/**
 * Builds an Octokit with throttling (honours `retry-after` and rate-limit
 * resets, retrying a bounded number of times) and retries of 5xx answers.
 *
 * With `{ config, repoUrl }` the token comes from `@backstage/integration`:
 * a GitHub App installation token when an App is configured (commits made
 * through the API by an App are shown as verified), otherwise the configured
 * token. App tokens expire after an hour, so build one client per operation.
 *
 * @public
 */
export async function createGithubClient(
  options: GithubTokenClientOptions | GithubIntegrationClientOptions,
): Promise<GithubClient> {
  if (!isIntegrationOptions(options)) {
    return buildClient(options.baseUrl, options.token, options);
  }
  const { DefaultGithubCredentialsProvider, ScmIntegrations } =
    backstageIntegration();
  const integrations = ScmIntegrations.fromConfig(options.config);
  const integration = integrations.github.byUrl(options.repoUrl);
  if (!integration) {
    throw new InputError(
      `No GitHub integration configured for ${safeHost(options.repoUrl)}`,
    );
  }
  const credentials = await DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ).getCredentials({ url: options.repoUrl });
  if (!credentials.token) {
    throw new InputError(
      `No GitHub credentials for ${safeHost(
        options.repoUrl,
      )}: configure a GitHub App or a token`,
    );
  }
  const baseUrl = integration.config.apiBaseUrl ?? 'https://api.github.com';
  return buildClient(baseUrl, credentials.token, options);
}

/**
 * Whether `integrations.github` has a host for a URL (`https://host/…`): the repositories the portal can read and
 * write. Reads the config once.
 *
 * @public
 */
export function githubIntegrationMatcher(
  config: Config,
): (url: string) => boolean {
  const integrations =
    backstageIntegration().ScmIntegrations.fromConfig(config);
  return url => integrations.github.byUrl(url) !== undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

function buildClient(
  baseUrl: string,
  token: string,
  options: GithubClientOptions,
): GithubClient {
  const logger = options.logger;
  const maxRetries = options.maxRateLimitRetries ?? 3;
  // Octokit logs every 4xx; the writer expects some (422 "Reference already exists"), so they go to debug.
  const log = {
    debug: (message: string) => logger?.debug(message),
    info: (message: string) => logger?.debug(message),
    warn: (message: string) => logger?.warn(message),
    error: (message: string) => logger?.debug(message),
  };
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method?: string; url?: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const retrying = retryCount < maxRetries;
      logger?.warn(
        `GitHub ${kind} for ${request.method} ${request.url}; ${
          retrying
            ? `retrying after ${retryAfter}s (retry ${
                retryCount + 1
              } of ${maxRetries})`
            : 'giving up'
        }`,
        { retryAfter, retryCount, retrying },
      );
      return retrying;
    };
  return new GithubOctokit({
    auth: token,
    baseUrl,
    log,
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
    },
    retry: { retries: options.maxServerErrorRetries ?? 3 },
  });
}
