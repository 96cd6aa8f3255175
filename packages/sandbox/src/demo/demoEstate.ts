import { KubeObject, gitopsCrds } from '@internal/kube-emulator';
import type { SandboxEstate } from '../sandboxEstate';
import { chartServiceFiles, chartServiceObjects } from './chartService';
import { clusterObjects } from './clusterObjects';
import {
  clusterClaimDefinitions,
  DEMO_CLUSTER_REQUEST,
} from './clusterRequests';
import { configRepoFiles } from './configRepo';
import { loadDemoServices } from './demoServices';
import { CONFIG_REPO, DEMO_ENVIRONMENTS } from './environments';
import { sandboxSecretMethods } from './secretMethods';
import {
  UNMANAGED_WORKLOAD_ENVIRONMENT,
  unmanagedWorkloadObjects,
} from './unmanagedWorkload';

/**
 * The default profile: the demo teams' services in dev, staging and prod (Argo CD and Flux, Crossplane claims,
 * a remote Helm chart), the secret methods of the add-secret template.
 */
export async function demoEstate(stateDir: string): Promise<SandboxEstate> {
  const secretMethods = await sandboxSecretMethods(stateDir);
  const services = loadDemoServices();
  return {
    name: 'demo',
    environments: DEMO_ENVIRONMENTS.map(env => env.name),
    configRepo: CONFIG_REPO,
    repoFiles: gitUrl => ({
      ...configRepoFiles(services, gitUrl),
      ...chartServiceFiles(gitUrl),
      '.sops.yaml': secretMethods.sopsYaml,
    }),
    async seedCluster(cluster, environment, revision, gitUrl) {
      const env = DEMO_ENVIRONMENTS.find(e => e.name === environment)!;
      cluster.apply(gitopsCrds());
      cluster.apply(
        clusterObjects(services, env, revision, gitUrl) as KubeObject[],
      );
      // the multi-source Application (remote Helm chart, values from the config repo)
      cluster.apply(
        chartServiceObjects(
          env,
          revision,
          gitUrl,
          new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        ) as KubeObject[],
      );
      // the Crossplane cluster API the request-cluster template's claims use (demo/clusterRequests.ts)
      if (environment === DEMO_CLUSTER_REQUEST.managementEnvironment) {
        cluster.apply(clusterClaimDefinitions() as KubeObject[]);
      }
      // the brownfield workload the adopt-workload template brings under GitOps (demo/unmanagedWorkload.ts)
      if (environment === UNMANAGED_WORKLOAD_ENVIRONMENT) {
        cluster.apply(unmanagedWorkloadObjects() as KubeObject[]);
      }
    },
    // How the add-secret template adds a secret in each environment (demo/secretMethods.ts).
    backendConfig: {
      gitops: {
        secrets: { environments: secretMethods.environments },
        // What the request-cluster template may ask for (demo/clusterRequests.ts).
        clusterRequest: DEMO_CLUSTER_REQUEST,
      },
    },
  };
}
