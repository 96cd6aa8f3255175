import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** What a `fetch:template` step would have rendered into the workspace. */
export async function writeWorkspace(
  workspacePath: string,
  files: Record<string, string>,
) {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(workspacePath, path)), { recursive: true });
    await writeFile(join(workspacePath, path), content);
  }
}

export const SETTINGS_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-extra
  labels:
    team: payments
data:
  FEATURE_X: "on"
`;
