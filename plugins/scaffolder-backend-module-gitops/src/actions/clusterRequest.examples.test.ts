import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { withClusterRequests } from '../__testUtils__/clusterRequestSettings';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsClusterRequestAction } from './clusterRequest';
import { examples } from './clusterRequest.examples';

const objectsIn = async (file: string) =>
  parseAllDocuments(await readFile(file, 'utf8')).map(doc => {
    const { kind, metadata } = doc.toJSON();
    return `${kind}/${metadata.name}`;
  });

const EXPECTED: Record<string, (name: string) => string[]> = {
  docker: name => [
    `Cluster/${name}`,
    `DockerCluster/${name}`,
    `DockerMachineTemplate/${name}-control-plane`,
    `KubeadmControlPlane/${name}-control-plane`,
    `DockerMachineTemplate/${name}-md-0`,
    `KubeadmConfigTemplate/${name}-md-0`,
    `MachineDeployment/${name}-md-0`,
  ],
  managed: name => [`KubernetesCluster/${name}`],
};

describe('gitops:cluster:request examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: opens a pull request with the cluster, its registration and its catalog entity',
    async (_description, exampleInput) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...exampleInput,
        repoUrl,
      });

      await createGitopsClusterRequestAction(
        withClusterRequests(github.deps()),
      ).handler(ctx);

      expect(outputs.status).toBe('opened');
      const name = exampleInput.name as string;
      const checkout = await github.clone(repo, outputs.branch as string);
      const dir = join(checkout, `clusters/requests/${name}`);
      expect(await objectsIn(join(dir, 'cluster.yaml'))).toEqual(
        EXPECTED[exampleInput.provider as string](name),
      );
      expect(await objectsIn(join(dir, 'registration.yaml'))).toEqual([
        `Kustomization/${name}-gitops`,
      ]);
      expect(
        await objectsIn(join(checkout, `catalog/clusters/${name}.yaml`)),
      ).toEqual([`Resource/${name}`]);
    },
  );
});
