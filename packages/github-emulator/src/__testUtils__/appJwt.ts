import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';

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
