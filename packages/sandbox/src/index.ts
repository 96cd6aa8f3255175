export {
  startSandboxServices,
  DEFAULT_PORTS,
  type SandboxPorts,
  type SandboxServices,
  type SandboxOperatorOptions,
} from './sandboxServices';
export type { SandboxEstate } from './sandboxEstate';
export { demoEstate } from './demo/demoEstate';
export { fluxHelmEstate } from './fluxHelm/fluxHelmEstate';
export { startGitopsOperator } from './operator/gitopsOperator';
export type {
  GitopsOperator,
  GitopsOperatorOptions,
  OperatorFault,
  OperatorSource,
} from './operator/types';
