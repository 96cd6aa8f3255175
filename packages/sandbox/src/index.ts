export {
  startSandboxServices,
  DEFAULT_PORTS,
  type SandboxPorts,
  type SandboxServices,
} from './sandboxServices';
