/**
 * An in-process emulator of kube-apiserver for tests and the local sandbox.
 *
 * @packageDocumentation
 */
export { startKubeEmulator } from './emulator';
export { gitopsCrds, managedResourceCrd } from './crds';
export { CRD_FAMILY_NAMES } from './crdFamilies';
export type { CrdFamily } from './crdFamilies';
export { parseObjects } from './yamlDocs';
export type {
  EmulatedCluster,
  Fault,
  FaultAction,
  FaultMatch,
  FaultVerb,
  KubeEmulator,
  KubeEmulatorOptions,
  KubeObject,
  ObjectMeta,
} from './types';
