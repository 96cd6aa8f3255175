import { InputError } from '@backstage/errors';
import { GithubClient } from '@gitops-portal/plugin-gitops-node';
import { parse } from 'yaml';
import { ConfigRepo } from './configRepo';

/** The image names of an overlay's `images:` (read-only), to pin the only one when none is named. */
export async function overlayImageNames(
  octokit: GithubClient,
  target: ConfigRepo,
  branch: string,
  path: string,
): Promise<string[]> {
  const response = await octokit.repos
    .getContent({ owner: target.owner, repo: target.repo, path, ref: branch })
    .catch(() => undefined);
  const data = response?.data;
  if (!data || Array.isArray(data) || data.type !== 'file') {
    throw new InputError(`${path} does not exist on ${branch}`);
  }
  const doc = parse(Buffer.from(data.content, 'base64').toString('utf8'));
  const images: Array<{ name?: unknown }> = Array.isArray(doc?.images)
    ? doc.images
    : [];
  return images.map(i => String(i.name));
}
