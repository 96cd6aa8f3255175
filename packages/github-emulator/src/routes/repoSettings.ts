import { createHash, generateKeyPairSync } from 'node:crypto';
import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
  optionalBoolean,
  optionalStringArray,
  requiredString,
  validationFailed,
} from '../http/api';
import { Router } from '../http/router';
import { isValidName, RepoHandle } from '../repos';
import { repoApiUrl, repoHtmlUrl, userJson } from '../shapes/common';
import { RepoExtrasMeta } from '../store/metadata';
import { permissionOf } from './owners';
import { requireRepo } from './helpers';

/** GitHub's topic rule: lower-case letters, digits and dashes, at most 50 characters. */
const TOPIC = /^[a-z0-9][a-z0-9-]{0,49}$/;
const MAX_TOPICS = 20;
/** Actions variable and secret names. */
const ACTIONS_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function extrasOf(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  return { repo, extras: ctx.store.extras(repo.meta) };
}

function saved(ctx: EmulatorContext, repo: RepoHandle): void {
  repo.meta.updatedAt = isoSeconds();
  ctx.store.save();
}

function actionsName(request: ApiRequest, value: string): string {
  if (!ACTIONS_NAME.test(value) || value.toUpperCase().startsWith('GITHUB_')) {
    throw validationFailed([
      { resource: request.path, code: 'invalid', field: 'name' },
    ]);
  }
  return value.toUpperCase();
}

/** The repo's Actions key pair; only the public half is kept (nothing here decrypts). */
function secretsKey(extras: RepoExtrasMeta) {
  if (!extras.secretsKey) {
    const { publicKey } = generateKeyPairSync('x25519');
    const raw = Buffer.from(
      publicKey.export({ format: 'jwk' }).x!,
      'base64url',
    );
    extras.secretsKey = {
      keyId: createHash('sha256').update(raw).digest('hex').slice(0, 20),
      key: raw.toString('base64'),
    };
  }
  return extras.secretsKey;
}

function registerCollaboratorRoutes(router: Router, ctx: EmulatorContext) {
  router
    .add('GET', '/repos/:owner/:repo/collaborators', async request => {
      const { extras } = extrasOf(ctx, request);
      return ok(
        Object.entries(extras.collaborators).map(([login, permission]) => ({
          ...userJson(ctx, login),
          role_name: permission,
        })),
      );
    })
    .add(
      'GET',
      '/repos/:owner/:repo/collaborators/:username',
      async request => {
        const { repo, extras } = extrasOf(ctx, request);
        const { username } = request.params;
        const isOwner = username === ctx.login || username === repo.owner;
        if (!isOwner && !(username in extras.collaborators)) throw notFound();
        return noContent;
      },
    )
    .add(
      'PUT',
      '/repos/:owner/:repo/collaborators/:username',
      async request => {
        const { repo, extras } = extrasOf(ctx, request);
        const { username } = request.params;
        if (!isValidName(username)) throw notFound();
        const permission = permissionOf(bodyObject(request));
        const isNew = !(username in extras.collaborators);
        extras.collaborators[username] = permission;
        saved(ctx, repo);
        if (!isNew) return noContent;
        // GitHub invites outside collaborators; the emulator accepts at once.
        return ok(
          {
            id: ctx.store.nextId(),
            repository: { full_name: `${repo.owner}/${repo.name}` },
            invitee: userJson(ctx, username),
            inviter: userJson(ctx, ctx.login),
            permissions: permission,
            created_at: isoSeconds(),
            url: `${repoApiUrl(ctx, repo)}/invitations`,
            html_url: `${repoHtmlUrl(ctx, repo)}/invitations`,
          },
          201,
        );
      },
    );
}

function registerTopicRoutes(router: Router, ctx: EmulatorContext) {
  router
    .add('GET', '/repos/:owner/:repo/topics', async request =>
      ok({ names: extrasOf(ctx, request).extras.topics }),
    )
    .add('PUT', '/repos/:owner/:repo/topics', async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const names = optionalStringArray(bodyObject(request), 'names');
      if (!names)
        throw new ApiError(
          422,
          'Invalid request.\n\n"names" wasn\'t supplied.',
        );
      const invalid = names.filter(name => !TOPIC.test(name));
      if (invalid.length > 0 || names.length > MAX_TOPICS) {
        throw validationFailed([
          {
            resource: 'Repository',
            code: 'invalid',
            field: 'topics',
            message: `${
              invalid.join(', ') || 'too many topics'
            } is not a valid topic`,
          },
        ]);
      }
      extras.topics = [...new Set(names)];
      saved(ctx, repo);
      return ok({ names: extras.topics });
    });
}

function registerActionsRoutes(router: Router, ctx: EmulatorContext) {
  const base = '/repos/:owner/:repo/actions';
  router
    .add('GET', `${base}/variables`, async request => {
      const { extras } = extrasOf(ctx, request);
      const variables = Object.entries(extras.variables).map(
        ([name, variable]) => ({
          name,
          value: variable.value,
          created_at: variable.createdAt,
          updated_at: variable.updatedAt,
        }),
      );
      return ok({ total_count: variables.length, variables });
    })
    .add('POST', `${base}/variables`, async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const body = bodyObject(request);
      const name = actionsName(request, requiredString(body, 'name'));
      const value = requiredString(body, 'value');
      if (extras.variables[name]) {
        throw new ApiError(409, 'Already exists - Variable already exists');
      }
      const now = isoSeconds();
      extras.variables[name] = { value, createdAt: now, updatedAt: now };
      saved(ctx, repo);
      return ok({}, 201);
    })
    .add('GET', `${base}/secrets/public-key`, async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const key = secretsKey(extras);
      saved(ctx, repo);
      return ok({ key_id: key.keyId, key: key.key });
    })
    .add('GET', `${base}/secrets`, async request => {
      const { extras } = extrasOf(ctx, request);
      const secrets = Object.entries(extras.secrets).map(([name, secret]) => ({
        name,
        created_at: secret.createdAt,
        updated_at: secret.updatedAt,
      }));
      return ok({ total_count: secrets.length, secrets });
    })
    .add('PUT', `${base}/secrets/:name`, async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const body = bodyObject(request);
      const name = actionsName(request, request.params.name);
      const sealed = Buffer.from(
        requiredString(body, 'encrypted_value'),
        'base64',
      );
      const keyId = requiredString(body, 'key_id');
      // A sealed box is an ephemeral public key (32 bytes) + MAC (16) + the message.
      if (keyId !== extras.secretsKey?.keyId || sealed.length < 48) {
        throw new ApiError(
          422,
          'Bad request - encrypted_value or key_id is invalid',
        );
      }
      const now = isoSeconds();
      const existing = extras.secrets[name];
      extras.secrets[name] = {
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      saved(ctx, repo);
      return existing ? noContent : ok({}, 201);
    })
    .add('GET', `${base}/oidc/customization/sub`, async request => {
      const claim = extrasOf(ctx, request).extras.oidcSubClaim;
      return ok({
        use_default: claim?.useDefault ?? true,
        ...(claim ? { include_claim_keys: claim.includeClaimKeys } : {}),
      });
    })
    .add('PUT', `${base}/oidc/customization/sub`, async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const body = bodyObject(request);
      const useDefault = optionalBoolean(body, 'use_default');
      if (useDefault === undefined) {
        throw new ApiError(
          422,
          'Invalid request.\n\n"use_default" wasn\'t supplied.',
        );
      }
      extras.oidcSubClaim = {
        useDefault,
        includeClaimKeys: optionalStringArray(body, 'include_claim_keys') ?? [],
      };
      saved(ctx, repo);
      return ok({}, 201);
    });
}

function registerSubscriptionRoutes(router: Router, ctx: EmulatorContext) {
  const subscriptionJson = (
    repo: RepoHandle,
    subscription: NonNullable<RepoExtrasMeta['subscription']>,
  ) => ({
    subscribed: subscription.subscribed,
    ignored: subscription.ignored,
    reason: null,
    created_at: subscription.createdAt,
    url: `${repoApiUrl(ctx, repo)}/subscription`,
    repository_url: repoApiUrl(ctx, repo),
  });
  router
    .add('GET', '/repos/:owner/:repo/subscription', async request => {
      const { repo, extras } = extrasOf(ctx, request);
      if (!extras.subscription) throw notFound();
      return ok(subscriptionJson(repo, extras.subscription));
    })
    .add('PUT', '/repos/:owner/:repo/subscription', async request => {
      const { repo, extras } = extrasOf(ctx, request);
      const body = bodyObject(request);
      extras.subscription = {
        subscribed: optionalBoolean(body, 'subscribed') ?? false,
        ignored: optionalBoolean(body, 'ignored') ?? false,
        createdAt: extras.subscription?.createdAt ?? isoSeconds(),
      };
      saved(ctx, repo);
      return ok(subscriptionJson(repo, extras.subscription));
    });
}

/** Collaborators, topics, Actions variables/secrets/OIDC and notifications of a repo. */
export function registerRepoSettingRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  registerCollaboratorRoutes(router, ctx);
  registerTopicRoutes(router, ctx);
  registerActionsRoutes(router, ctx);
  registerSubscriptionRoutes(router, ctx);
}
