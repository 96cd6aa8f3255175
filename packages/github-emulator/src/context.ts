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
  /** The authenticated user's login. */
  login: string;
  urls: EmulatorUrls;
}

/** The identity commits made through the API are authored with. */
export function botIdentity(login: string) {
  return { name: login, email: `${login}@users.noreply.github.com` };
}
