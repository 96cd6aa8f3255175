/**
 * The GitOps portal backend plugin: the reconciler (list+watch of Argo CD,
 * Flux, Crossplane and Argo Rollouts objects) and its REST API.
 *
 * @packageDocumentation
 */
export { gitopsPlugin as default } from './plugin';
export * from './permissions';
