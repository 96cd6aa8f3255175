import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ClusterEstate } from './clusterEstate';

/**
 * The estates (CRDs, policies) of an environment's clusters for validation, read from the gitops backend's
 * `GET /validation-estate?environment=` with a service token: for plugins that cannot share the backend's service
 * (the scaffolder module). Never throws: when the backend cannot be asked, one `unavailable` entry says so, and
 * validation notes it.
 *
 * @public
 */
export async function fetchClusterEstates(
  deps: { discovery: DiscoveryService; auth: AuthService },
  environments: string[],
): Promise<ClusterEstate[]> {
  const answers = await Promise.all(
    [...new Set(environments)].map(async environment => {
      try {
        const baseUrl = await deps.discovery.getBaseUrl('gitops');
        const { token } = await deps.auth.getPluginRequestToken({
          onBehalfOf: await deps.auth.getOwnServiceCredentials(),
          targetPluginId: 'gitops',
        });
        const response = await fetch(
          `${baseUrl}/validation-estate?environment=${encodeURIComponent(
            environment,
          )}`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!response.ok) throw await ResponseError.fromResponse(response);
        return ((await response.json()) as { estates: ClusterEstate[] })
          .estates;
      } catch (error) {
        return [
          {
            cluster: `(environment ${environment})`,
            unavailable: `the gitops backend could not be asked: ${
              (error as Error).message
            }`,
          },
        ];
      }
    }),
  );
  return answers.flat();
}
