export {
  startSandboxServices,
  DEFAULT_PORTS,
  type SandboxPorts,
  type SandboxServices,
  type SandboxOperatorOptions,
} from './sandboxServices';
export { startGitopsOperator } from './operator/gitopsOperator';
export type {
  GitopsOperator,
  GitopsOperatorOptions,
  OperatorFault,
  OperatorSource,
} from './operator/types';
