import { Octokit } from '@octokit/rest';
import { OWNER } from './harness';

/** A direct commit to main (what a merged PR or a hand edit leaves behind). */
export async function commitToMain(
  octokit: Octokit,
  repo: string,
  path: string,
  edit: (text: string) => string,
  message = `Edit ${path}`,
) {
  const { data } = await octokit.repos.getContent({ owner: OWNER, repo, path });
  if (Array.isArray(data) || data.type !== 'file') throw new Error(path);
  const text = Buffer.from(data.content, 'base64').toString('utf8');
  await octokit.repos.createOrUpdateFileContents({
    owner: OWNER,
    repo,
    path,
    branch: 'main',
    sha: data.sha,
    message,
    content: Buffer.from(edit(text)).toString('base64'),
  });
}

/** Sets the prod overlay of `web` to a bad tag on main. */
export function breakProd(octokit: Octokit, repo: string) {
  return commitToMain(
    octokit,
    repo,
    'apps/web/overlays/prod/kustomization.yaml',
    text => text.replace('newTag: 1.3.1', 'newTag: 9.9.9'),
    'Deploy web 9.9.9 to prod',
  );
}
