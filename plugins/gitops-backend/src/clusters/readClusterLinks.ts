import { Config } from '@backstage/config';
import {
  clusterLinksSchema,
  type ClusterLinks,
} from '@gitops-portal/plugin-gitops-common';

/**
 * The deep-link templates of each cluster, by name: `gitops.clusters[].links` (Argo CD UI, Flux UI, commits and
 * pull requests of the config repo). Throws, naming the key and the problem, on an unknown key or a template that is
 * no http(s) URL or uses an unknown placeholder: nothing starts on a bad config.
 */
export function readClusterLinks(root: Config): Map<string, ClusterLinks> {
  const links = new Map<string, ClusterLinks>();
  (root.getOptionalConfigArray('gitops.clusters') ?? []).forEach((c, i) => {
    const raw = c.getOptional('links');
    if (raw === undefined) return;
    const name = c.getString('name');
    const parsed = clusterLinksSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue.path.length ? `.${issue.path.join('.')}` : '';
      throw new Error(
        `gitops.clusters[${i}] ('${name}').links${field}: ${issue.message}`,
      );
    }
    links.set(name, parsed.data);
  });
  return links;
}
