/**
 * A GitHub REST emulator for tests and local sandboxes: the API subset Octokit
 * uses, stored in real bare git repositories, with GitHub's failure modes on demand.
 *
 * @packageDocumentation
 */
export { startGithubEmulator } from './emulator';
export { runIsolated } from './git/runIsolated';
export type {
  CreateRepoOptions,
  GithubEmulator,
  GithubEmulatorOptions,
  GithubFault,
  GithubFaultKind,
  GithubAppRegistration,
  GithubAppInstallationSpec,
  RegisteredGithubApp,
} from './types';
