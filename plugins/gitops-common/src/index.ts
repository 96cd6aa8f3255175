/**
 * Shared status vocabulary, normalisers, permissions and API contract of the
 * GitOps portal plugins.
 *
 * @packageDocumentation
 */
export * from './schema';
export * from './normalize';
export * from './permissions';
