import { AppRecord, InstallationRecord } from '../apps/records';

/** Who a request comes from. */
export type Actor =
  /** A personal access token (or any accepted token): the emulator's user. */
  | { kind: 'user'; login: string }
  /** A GitHub App's JWT: only the `/app` endpoints. */
  | { kind: 'app'; login: string; app: AppRecord }
  /** An installation token: the installation's account, acting as `<slug>[bot]`. */
  | {
      kind: 'installation';
      login: string;
      app: AppRecord;
      installation: InstallationRecord;
      /** undefined: every repository of the account. */
      repositories?: string[];
    };
