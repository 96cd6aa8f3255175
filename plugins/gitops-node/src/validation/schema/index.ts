export * from './createSchemaValidator';
export * from './kubernetesVersion';
export type { CrdSource } from './crdSchemas';
