import { EmulatorContext } from '../context';
import { TreeEntry } from '../git/trees';
import { RepoHandle } from '../repos';
import { repoApiUrl, repoHtmlUrl } from './common';

function contentType(
  entry: TreeEntry,
): 'file' | 'dir' | 'symlink' | 'submodule' {
  if (entry.type === 'tree') return 'dir';
  if (entry.type === 'commit') return 'submodule';
  return entry.mode === '120000' ? 'symlink' : 'file';
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A contents API entry; `entry.path` must be the full path in the repo. */
export function contentJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  ref: string,
  entry: TreeEntry,
) {
  const type = contentType(entry);
  const path = encodePath(entry.path);
  const self = `${repoApiUrl(
    ctx,
    repo,
  )}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const git = `${repoApiUrl(ctx, repo)}/git/${
    type === 'dir' ? 'trees' : 'blobs'
  }/${entry.sha}`;
  const html = `${repoHtmlUrl(ctx, repo)}/${
    type === 'dir' ? 'tree' : 'blob'
  }/${ref}/${path}`;
  return {
    type,
    size: entry.size ?? 0,
    name: entry.path.split('/').pop()!,
    path: entry.path,
    sha: entry.sha,
    url: self,
    git_url: type === 'submodule' ? null : git,
    html_url: html,
    download_url:
      type === 'file' ? `${repoHtmlUrl(ctx, repo)}/raw/${ref}/${path}` : null,
    _links: { self, git, html },
  };
}
