import type { KeyObject } from 'node:crypto';

// The stored shapes of apps and installations, apart from the registry so that the request types (http/actor.ts) can
// name them without depending on the registry's code.

export interface AppRecord {
  appId: number;
  slug: string;
  clientId?: string;
  publicKey: KeyObject;
  createdAt: string;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  account: string;
  /** undefined: every repository of the account. */
  repositories?: string[];
  createdAt: string;
}
