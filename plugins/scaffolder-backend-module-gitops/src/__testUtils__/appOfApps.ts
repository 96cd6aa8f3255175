import { stringify } from 'yaml';
import { useConfigRepo } from './harness';

const application = (name: string, repoURL: string, path: string) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: {
      project: 'platform',
      source: { repoURL, path, targetRevision: 'main' },
      destination: {
        server: 'https://kubernetes.default.svc',
        namespace: name,
      },
    },
  });

/**
 * Commits an app-of-apps to `main` of an emulator repo: `rootFile`, a root Application of this repo whose source
 * path is `folder`, and the seeded `web` service's dev Application in that folder.
 */
export async function seedAppOfApps(
  github: ReturnType<typeof useConfigRepo>,
  repo: string,
  folder: string,
  rootFile = 'bootstrap/root.yaml',
) {
  const url = `https://github.com/acme/${repo}.git`;
  const files = {
    [rootFile]: application('root', url, folder),
    [`${folder}/web.yaml`]: application(
      'web-dev',
      url,
      'apps/web/overlays/dev',
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    await github.octokit().repos.createOrUpdateFileContents({
      owner: 'acme',
      repo,
      path,
      message: `Add ${path}`,
      content: Buffer.from(text).toString('base64'),
      branch: 'main',
    });
  }
}
