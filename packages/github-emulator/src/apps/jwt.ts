import { KeyObject, verify } from 'node:crypto';
import { ApiError } from '../http/api';

/** GitHub's answers to a bad App JWT (Octokit's auth-app recognises the clock ones). */
export const JWT_ERRORS = {
  undecodable: 'A JSON web token could not be decoded',
  expired:
    "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
  tooLong: "'Expiration time' claim ('exp') is too far in the future",
  issuedInFuture:
    "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued",
  unknownIssuer: 'Integration not found',
};

/** GitHub refuses JWTs valid for more than ten minutes. */
const MAX_LIFETIME_SECONDS = 10 * 60;
/** Allowed clock drift for `iat` (Octokit backdates it by 30s). */
const CLOCK_SKEW_SECONDS = 60;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** A bearer credential that looks like a JWT (GitHub tokens never contain dots). */
export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token) && token.startsWith('eyJ');
}

interface JwtClaims {
  iss?: unknown;
  iat?: unknown;
  exp?: unknown;
}

function decodePart(part: string): Record<string, unknown> {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (value && typeof value === 'object') return value;
  } catch {
    // falls through to the error below
  }
  throw new ApiError(401, JWT_ERRORS.undecodable);
}

/**
 * Checks an App JWT like GitHub: RS256 signature by the App's key, `iat` not
 * in the future, `exp` in the future and at most ten minutes after `iat`.
 * `keyFor(iss)` finds the App's public key. Returns the `iss` claim.
 */
export function verifyAppJwt(
  token: string,
  keyFor: (issuer: string) => KeyObject | undefined,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string {
  const [header, payload, signature] = token.split('.');
  if (decodePart(header).alg !== 'RS256') {
    throw new ApiError(401, JWT_ERRORS.undecodable);
  }
  const claims = decodePart(payload) as JwtClaims;
  const issuer =
    typeof claims.iss === 'number' || typeof claims.iss === 'string'
      ? String(claims.iss)
      : '';
  const key = keyFor(issuer);
  if (!key) throw new ApiError(401, JWT_ERRORS.unknownIssuer);
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    key,
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) throw new ApiError(401, JWT_ERRORS.undecodable);
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    throw new ApiError(401, JWT_ERRORS.issuedInFuture);
  }
  if (typeof exp !== 'number' || exp <= nowSeconds) {
    throw new ApiError(401, JWT_ERRORS.expired);
  }
  if (exp - iat > MAX_LIFETIME_SECONDS) {
    throw new ApiError(401, JWT_ERRORS.tooLong);
  }
  return issuer;
}
