import { ConfigRepoLocation } from '@gitops-portal/plugin-gitops-node';
import { boundedCache } from '../../lib/boundedCache';
import { DesiredSource } from './types';

const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Renders of the desired state kept by config repo, commit SHA, path and render settings (the whole `DesiredSource`),
 * the least recently used forgotten beyond `size`: a commit's render never changes, so a second open of a diff at the
 * same synced revision reads no files and runs no kustomize or helm (Argo CD caches its manifests per revision too).
 * A branch or tag moves, so a source whose revision is no full SHA is rendered every time; a failed render is not
 * kept, so the next request tries again.
 */
export function renderCache<T>(size: number) {
  const renders = boundedCache<Promise<T>>(size);
  return (
    location: ConfigRepoLocation,
    source: DesiredSource,
    render: () => Promise<T>,
  ): Promise<T> => {
    if (!FULL_SHA.test(source.revision)) return render();
    const key = JSON.stringify([location.owner, location.repo, source]);
    const kept = renders.get(key);
    if (kept) return kept;
    const rendered = render();
    renders.set(key, rendered);
    rendered.catch(() => {
      if (renders.get(key) === rendered) renders.delete(key);
    });
    return rendered;
  };
}
