import { existsSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The project's own kubectl (scripts/setup.sh), when it is installed. */
export const PROJECT_KUBECTL = resolvePackagePath(
  '@internal/sandbox',
  '../../.tools/kubectl/kubectl/kubectl',
);

/** The kubectl the sandbox renders with: the project's own, else the one on PATH. */
export const sandboxKubectl = () =>
  existsSync(PROJECT_KUBECTL) ? PROJECT_KUBECTL : 'kubectl';
