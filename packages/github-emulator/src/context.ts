import { AppRegistry } from './apps/registry';
import type { Actor } from './http/actor';
import { RepoRegistry } from './repos';
import { MetadataStore } from './store/metadata';

/** Where the emulator is reachable; known once the server listens. */
export interface EmulatorUrls {
  url: string;
  apiUrl: string;
}

/** What route handlers share. */
export interface EmulatorContext {
  store: MetadataStore;
  repos: RepoRegistry;
  /** GitHub Apps, their installations and tokens. */
  apps: AppRegistry;
  /** The authenticated user's login. */
  login: string;
  urls: EmulatorUrls;
}

/** The identity commits made through the API are authored with. */
export function botIdentity(login: string) {
  return { name: login, email: `${login}@users.noreply.github.com` };
}

/**
 * Who commits made through the API without an author are by: the user, or
 * for an App installation its bot (`<slug>[bot]`), as GitHub shows them.
 */
export function actorIdentity(actor: Actor) {
  if (actor.kind === 'user') return botIdentity(actor.login);
  return {
    name: actor.login,
    email: `${actor.app.appId}+${actor.login}@users.noreply.github.com`,
  };
}

/**
 * GitHub signs commits an App makes through the API when it leaves author
 * and committer to GitHub; the emulator records such commits as verified.
 */
export function signsCommit(actor: Actor, customIdentity: boolean): boolean {
  return actor.kind === 'installation' && !customIdentity;
}
