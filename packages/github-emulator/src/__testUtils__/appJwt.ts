import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import type { Octokit } from '@octokit/rest';
import { octokitFor, useEmulator } from './harness';

/** An RSA key pair as PEM, like the one GitHub lets an App download. */
export function appKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  return {
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * An App JWT signed the way Octokit's auth-app signs it (RS256, `iat` 30s in
 * the past, `exp` ten minutes after `iat`); claims and the header can be bent
 * to produce the JWTs GitHub refuses.
 */
export function appJwt(
  privateKey: string | KeyObject,
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT' },
): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode(header)}.${encode({
    iat: now - 30,
    exp: now - 30 + 600,
    ...claims,
  })}`;
  const signature = sign('RSA-SHA256', Buffer.from(body), privateKey);
  return `${body}.${signature.toString('base64url')}`;
}

/** The App most tests use: id 42, installed on `acme` and on `partner` for `shared` only. */
export const PORTAL_APP_ID = 42;

/**
 * An emulator (login `gitops-bot`) with the portal App registered, its key
 * pair, and an Octokit authenticated as the App (a fresh JWT per call).
 */
export function usePortalApp() {
  const key = appKeyPair();
  const env = useEmulator({
    login: 'gitops-bot',
    apps: [
      {
        appId: PORTAL_APP_ID,
        slug: 'gitops-portal',
        clientId: 'Iv1.portal',
        privateKey: key.privateKey,
        installations: [
          'acme',
          { account: 'partner', repositories: ['shared'] },
        ],
      },
    ],
  });
  const jwt = (claims: Record<string, unknown> = {}) =>
    appJwt(key.privateKey, { iss: PORTAL_APP_ID, ...claims });
  const asApp = (): Octokit => octokitFor(env.emulator.url, jwt());
  return { env, key, jwt, asApp };
}
