import { createHash } from 'node:crypto';
import { condition } from '../operator/deliveryStatus';
import { FLUX_SOURCE_API } from '../operator/externalArtifact';

type Obj = Record<string, any>;

/**
 * The ExternalArtifacts source-watcher writes for ArtifactGenerators (one per `spec.artifacts[]`, in the generator's
 * namespace, `spec.sourceRef` naming the generator), Ready with a content revision (`latest@sha256:<digest>`).
 */
export function externalArtifactsOf(
  generators: Obj[],
  revision: string,
  at: string,
): Obj[] {
  return generators.flatMap(generator =>
    (generator.spec?.artifacts ?? []).map((artifact: Obj) => {
      const digest = `sha256:${createHash('sha256')
        .update(`${revision}/${artifact.name}`)
        .digest('hex')}`;
      const { name, namespace } = generator.metadata;
      return {
        apiVersion: FLUX_SOURCE_API,
        kind: 'ExternalArtifact',
        metadata: { name: artifact.name, namespace },
        spec: {
          sourceRef: {
            apiVersion: generator.apiVersion,
            kind: 'ArtifactGenerator',
            name,
            namespace,
          },
        },
        status: {
          artifact: {
            digest,
            lastUpdateTime: at,
            path: `externalartifact/${namespace}/${
              artifact.name
            }/${digest.slice(7)}.tar.gz`,
            revision: `latest@${digest}`,
            url: `http://source-watcher.flux-system.svc.cluster.local./externalartifact/${namespace}/${
              artifact.name
            }/${digest.slice(7)}.tar.gz`,
          },
          conditions: [
            condition(
              'Ready',
              'True',
              'Succeeded',
              `stored artifact for revision 'latest@${digest}'`,
              at,
            ),
          ],
        },
      };
    }),
  );
}
