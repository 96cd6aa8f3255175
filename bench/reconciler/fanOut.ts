/**
 * The fan-out design of today's Backstage kubernetes plugin, for comparison: per request, list every
 * cluster's Applications with @kubernetes/client-node and keep the team's kubernetes-ids. The team's ids
 * come from a precomputed map (no catalog call is timed), which favours fan-out.
 */
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { ID, SERVICES, TEAMS, teamOf } from './fixtures';

interface Cluster {
  name: string;
  url: string;
  token: string;
}

function clientOf(cluster: Cluster) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      { name: cluster.name, server: cluster.url, skipTLSVerify: true },
    ],
    users: [{ name: 'bench', token: cluster.token }],
    contexts: [{ name: cluster.name, cluster: cluster.name, user: 'bench' }],
    currentContext: cluster.name,
  });
  return kc.makeApiClient(CustomObjectsApi);
}

async function listApplications(client: CustomObjectsApi) {
  const items: any[] = [];
  let token: string | undefined;
  do {
    const page: any = await client.listClusterCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'applications',
      limit: 500,
      _continue: token,
    });
    items.push(...page.items);
    token = page.metadata?.continue || undefined;
  } while (token);
  return items;
}

/** `requests` team-status answers by fan-out, one at a time; returns each one's milliseconds. */
export async function fanOutTeamStatus(
  clusters: Cluster[],
  requests: number,
): Promise<number[]> {
  const clients = clusters.map(clientOf);
  const samples: number[] = [];
  for (let n = 0; n < requests; n++) {
    const team = `team-${n % TEAMS}`;
    const ids = new Set(
      Array.from({ length: SERVICES }, (_, i) => i)
        .filter(i => teamOf(i) === team)
        .map(i => `svc-${i}`),
    );
    const t0 = performance.now();
    const perCluster = await Promise.all(
      clients.map(async client =>
        (
          await listApplications(client)
        ).filter(item => ids.has(item.metadata?.labels?.[ID])),
      ),
    );
    samples.push(performance.now() - t0);
    const found = perCluster.reduce((sum, items) => sum + items.length, 0);
    if (found !== ids.size * clusters.length) {
      throw new Error(`fan-out found ${found}`);
    }
  }
  return samples;
}
