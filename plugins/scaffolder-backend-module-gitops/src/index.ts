/**
 * Scaffolder actions that open validated pull requests to the GitOps config repo.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGitops as default } from './module';
export * from './actions';
