import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { isoSeconds } from '../git/commits';
import { ApiError } from '../http/api';
import { GithubAppRegistration, RegisteredGithubApp } from '../types';
import { AppRecord, InstallationRecord } from './records';

export interface InstallationToken {
  token: string;
  installationId: number;
  /** Narrower than the installation when the token request named repositories. */
  repositories?: string[];
  expiresAt: Date;
}

/** Installation tokens live an hour, like GitHub's. */
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function installationToken(): string {
  const bytes = randomBytes(36);
  return `ghs_${Array.from(bytes, byte => BASE62[byte % 62]).join('')}`;
}

function publicKeyOf(app: GithubAppRegistration): KeyObject {
  const pem = app.publicKey ?? app.privateKey;
  if (!pem) throw new Error(`App ${app.appId} needs a privateKey or publicKey`);
  // createPublicKey derives the public half of a private key PEM too.
  const key = createPublicKey(pem.replace(/\\n/g, '\n'));
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`App ${app.appId} needs an RSA key`);
  }
  return key;
}

/**
 * GitHub Apps, their installations and the installation tokens they were
 * issued. In memory: apps are registered at start (options or control API),
 * and tokens, like GitHub's, are short-lived anyway.
 */
export class AppRegistry {
  private readonly apps = new Map<number, AppRecord>();
  private readonly installations = new Map<number, InstallationRecord>();
  private readonly tokens = new Map<string, InstallationToken>();
  private nextInstallationId = 1000;

  register(spec: GithubAppRegistration): RegisteredGithubApp {
    if (!Number.isInteger(spec.appId) || spec.appId <= 0) {
      throw new Error('appId must be a positive integer');
    }
    const app: AppRecord = {
      appId: spec.appId,
      slug: spec.slug ?? `app-${spec.appId}`,
      clientId: spec.clientId,
      publicKey: publicKeyOf(spec),
      createdAt: isoSeconds(),
    };
    this.forget(spec.appId);
    this.apps.set(app.appId, app);
    const installations = (spec.installations ?? []).map(entry => {
      const { account, repositories } =
        typeof entry === 'string'
          ? { account: entry, repositories: undefined }
          : entry;
      const installation: InstallationRecord = {
        id: this.nextInstallationId++,
        appId: app.appId,
        account,
        repositories,
        createdAt: app.createdAt,
      };
      this.installations.set(installation.id, installation);
      return { id: installation.id, account };
    });
    return { appId: app.appId, slug: app.slug, installations };
  }

  /** Drops an App with its installations and tokens. */
  private forget(appId: number): void {
    this.apps.delete(appId);
    for (const [id, installation] of this.installations) {
      if (installation.appId !== appId) continue;
      this.installations.delete(id);
      for (const [token, issued] of this.tokens) {
        if (issued.installationId === id) this.tokens.delete(token);
      }
    }
  }

  /** The App a JWT `iss` names: the numeric App id or the client id. */
  appByIssuer(issuer: string): AppRecord | undefined {
    for (const app of this.apps.values()) {
      if (String(app.appId) === issuer || app.clientId === issuer) return app;
    }
    return undefined;
  }

  app(appId: number): AppRecord {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`unknown app ${appId}`);
    return app;
  }

  installationsOf(appId: number): InstallationRecord[] {
    return [...this.installations.values()].filter(
      installation => installation.appId === appId,
    );
  }

  /** The App's installation on `account` (case-insensitive, like GitHub logins). */
  installationFor(appId: number, account: string): InstallationRecord {
    const found = this.installationsOf(appId).find(
      installation =>
        installation.account.toLowerCase() === account.toLowerCase(),
    );
    if (!found) throw new ApiError(404, 'Not Found');
    return found;
  }

  installation(appId: number, id: number): InstallationRecord {
    const found = this.installations.get(id);
    if (!found || found.appId !== appId) throw new ApiError(404, 'Not Found');
    return found;
  }

  issueToken(
    installation: InstallationRecord,
    repositories?: string[],
  ): InstallationToken {
    const issued: InstallationToken = {
      token: installationToken(),
      installationId: installation.id,
      repositories: repositories ?? installation.repositories,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS),
    };
    this.tokens.set(issued.token, issued);
    return issued;
  }

  /** An unexpired installation token, with its installation and App. */
  lookupToken(token: string) {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt.getTime() <= Date.now()) {
      this.tokens.delete(token);
      throw new ApiError(401, 'Bad credentials');
    }
    const installation = this.installations.get(issued.installationId)!;
    return { issued, installation, app: this.app(installation.appId) };
  }
}
